import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'A new service on Service Connect in the cluster default namespace, calling two live endpoints.',
    example: `steps:
  - id: validate
    action: ecs-networking:validate
    name: Check the wiring against live state
    input:
      mode: service-connect
      accountId: '111111111111'
      region: eu-west-1
      cluster: shop
      serviceName: checkout-service
      networkMode: awsvpc
      container:
        name: checkout-service
        port: 8080
        portName: http
      serviceConnect:
        discoveryName: checkout-service
        clientAlias:
          dnsName: checkout-service
          port: 8080
      dependencies:
        - order-service:8080
        - user-service:8080
      tags:
        owner: team-orders
        system: shop
        lifecycle: production
        component: checkout-service
`,
  },
  {
    description:
      'A bridge-mode service on Service Discovery: SRV records (they carry the dynamic host port), TTL 10, MULTIVALUE.',
    example: `steps:
  - id: validate
    action: ecs-networking:validate
    name: Check the wiring against live state
    input:
      mode: service-discovery
      accountId: '111111111111'
      region: eu-west-1
      cluster: web
      serviceName: search-api
      networkMode: bridge
      container:
        name: search-api
        port: 9200
        portName: http
      serviceDiscovery:
        namespace: app
        name: search
        recordType: SRV
        ttl: 10
        routingPolicy: MULTIVALUE
      dependencies:
        - mysql.app
      tags:
        owner: team-web
        system: web
        component: search-api
`,
  },
  {
    description:
      'Both: a Service Connect alias for ECS callers and a distinct DNS name for everything else in the VPC.',
    example: `steps:
  - id: validate
    action: ecs-networking:validate
    name: Check the wiring against live state
    input:
      mode: both
      accountId: '111111111111'
      region: eu-west-1
      cluster: shop
      serviceName: pricing-service
      container:
        name: pricing-service
        port: 8080
        portName: http
      serviceConnect:
        namespace: sc.local
        discoveryName: pricing-service
        clientAlias:
          dnsName: pricing-service
          port: 8080
      serviceDiscovery:
        namespace: app
        name: pricing
        recordType: A
      tags:
        owner: team-catalog
        system: shop
        component: pricing-service
`,
  },
];
