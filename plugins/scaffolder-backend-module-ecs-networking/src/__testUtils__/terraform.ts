export interface TerraformOptions {
  networkMode?: string;
  portMappingName?: string;
  portName?: string;
  aliasDnsName?: string;
  serviceName?: string;
  cluster?: string;
  serviceRegistries?: string;
  cloudMap?: string;
  networkConfiguration?: boolean;
  containerDefinitions?: string;
  environment?: string;
  provider?: string;
  extra?: string;
  serviceConnect?: boolean;
}

/** A Terraform module in the templates' shape, with knobs to break it. */
export function module(o: TerraformOptions = {}) {
  const name = o.serviceName ?? 'checkout';
  const networkMode = o.networkMode ?? 'awsvpc';
  return `
${
  o.provider ??
  `provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}`
}

locals {
  container_definitions = [
    {
      name      = "${name}"
      image     = "nginx:stable"
      essential = true
      portMappings = [
        { name = "${o.portMappingName ?? 'http'}", containerPort = 8080${
    networkMode === 'bridge' ? ', hostPort = 0' : ''
  }, protocol = "tcp" }
      ]
      environment = [${
        o.environment ??
        '{ name = "ORDER_SERVICE_URL", value = "http://order-service:8080" }'
      }]
    }
  ]
}

data "aws_ecs_cluster" "this" {
  cluster_name = "${o.cluster ?? 'shop'}"
}

resource "aws_ecs_task_definition" "this" {
  family                = "${name}"
  network_mode          = "${networkMode}"
  container_definitions = ${
    o.containerDefinitions ?? 'jsonencode(local.container_definitions)'
  }
}

${o.cloudMap ?? ''}

resource "aws_ecs_service" "this" {
  name            = "${name}"
  cluster         = data.aws_ecs_cluster.this.arn
  task_definition = aws_ecs_task_definition.this.arn
${
  o.networkConfiguration ?? networkMode === 'awsvpc'
    ? '  network_configuration {\n    subnets = var.subnet_ids\n  }'
    : ''
}
${
  o.serviceConnect === false
    ? ''
    : `  service_connect_configuration {
    enabled = true
    service {
      port_name      = "${o.portName ?? 'http'}"
      discovery_name = "${name}"
      client_alias {
        dns_name = "${o.aliasDnsName ?? name}"
        port     = 8080
      }
    }
  }`
}
${o.serviceRegistries ?? ''}
  tags = { owner = "team-orders", component = "${name}" }
}
${o.extra ?? ''}
`;
}

export const cloudMap = (
  records: string,
  health = true,
  namespace = 'data.aws_service_discovery_dns_namespace.app.id',
) => `
data "aws_service_discovery_dns_namespace" "app" {
  name = "app"
  type = "DNS_PRIVATE"
}
resource "aws_service_discovery_service" "this" {
  name = "checkout"
  dns_config {
    namespace_id = ${namespace}
    dns_records {
      ${records}
    }
    routing_policy = "MULTIVALUE"
  }
  ${
    health ? 'health_check_custom_config {\n    failure_threshold = 1\n  }' : ''
  }
}`;
