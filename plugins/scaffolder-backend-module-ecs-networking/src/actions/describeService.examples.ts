import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Read what a live ECS service runs (containers, port mappings, App Mesh proxy), given its ARN.',
    example: `steps:
  - id: describe
    action: ecs-networking:describe-service
    name: Read the live service
    input:
      serviceArn: arn:aws:ecs:eu-west-1:111111111111:service/shop/legacy-gateway
`,
  },
  {
    description:
      'Read the ECS service behind a catalog Resource picked in the form (its ecs-networking.io/service-arn annotation).',
    example: `steps:
  - id: fetch-service
    action: catalog:fetch
    name: Fetch the Resource
    input:
      entityRef: \${{ parameters.service }}
  - id: describe
    action: ecs-networking:describe-service
    name: Read the live service
    input:
      serviceArn: \${{ steps['fetch-service'].output.entity.metadata.annotations['ecs-networking.io/service-arn'] }}
`,
  },
];
