import type { LiveNetwork, PlannedService } from '../plan/types';
import type { ScopeSnapshot } from '../snapshot';
import { scope } from './builders';

/**
 * A small copy of the demo estate's shape (account 111111111111): a shop on
 * Service Connect in sc.local, MySQL on Service Discovery in app, an App Mesh
 * leftover, and the same user-service in a second region. Shared by the
 * tests of the plan checks, the scaffolder actions and the form fields.
 *
 * @public
 */
export function demoLikeSnapshots(): ScopeSnapshot[] {
  const eu = scope('111111111111', 'eu-west-1')
    .namespace('sc.local', 'HTTP')
    .namespace('app', 'DNS_PRIVATE')
    .namespace('public.example.com', 'DNS_PUBLIC')
    .cluster('shop', { defaultNamespace: 'sc.local' })
    .cluster('web')
    .cloudMapService('mysql', 'app', { records: [{ type: 'A', ttl: 300 }] })
    .cloudMapService('inventory', 'app', { records: [{ type: 'A', ttl: 10 }] })
    .service('user-service', {
      cluster: 'shop',
      containers: [
        {
          name: 'user-service',
          ports: [{ name: 'http', containerPort: 8080 }],
        },
      ],
      serviceConnect: {
        services: [
          {
            portName: 'http',
            discoveryName: 'user-service',
            clientAliases: [{ dnsName: 'user-service', port: 8080 }],
          },
        ],
      },
      tags: {
        owner: 'team-identity',
        system: 'shop',
        component: 'user-service',
      },
    })
    .service('order-service', {
      cluster: 'shop',
      containers: [
        {
          name: 'order-service',
          ports: [{ name: 'http', containerPort: 8080 }],
          environment: { USER_SERVICE_URL: 'http://user-service:8080' },
        },
      ],
      serviceConnect: {
        services: [
          {
            portName: 'http',
            discoveryName: 'order-service',
            clientAliases: [{ dnsName: 'order-service', port: 8080 }],
          },
        ],
      },
      tags: {
        owner: 'team-orders',
        system: 'shop',
        component: 'order-service',
      },
    })
    .service('inventory-service', {
      cluster: 'shop',
      containers: [
        {
          name: 'inventory-service',
          ports: [{ name: 'http', containerPort: 8080 }],
        },
      ],
      serviceConnect: {
        services: [
          {
            portName: 'http',
            discoveryName: 'inventory',
            clientAliases: [{ dnsName: 'inventory', port: 8080 }],
          },
        ],
      },
      registries: [{ cloudMapService: 'inventory', namespace: 'app' }],
      tags: {
        owner: 'team-catalog',
        system: 'shop',
        component: 'inventory-service',
      },
    })
    .service('legacy-gateway', {
      cluster: 'shop',
      cpu: '1024',
      memory: '3072',
      requiresCompatibilities: ['FARGATE'],
      proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' },
      containers: [
        {
          name: 'legacy-gateway',
          image: 'public.ecr.aws/ecs-net-demo/legacy-gateway:0.9.3',
          ports: [{ name: 'http', containerPort: 8080 }],
          environment: {
            ORDER_API: 'http://order-service:8080',
            SESSION_SECRET: 'ecsnet-canary-7f3a9b',
          },
          secrets: [
            {
              name: 'PARTNER_API_KEY',
              valueFrom:
                'arn:aws:secretsmanager:eu-west-1:111111111111:secret:legacy-gateway/partner-api-key-Xy7Q2p',
            },
          ],
        },
        {
          name: 'envoy',
          image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod',
          ports: [],
        },
      ],
      serviceConnect: { services: [] },
      tags: {
        owner: 'team-platform',
        system: 'shop',
        component: 'legacy-gateway',
      },
    })
    .service('mysql', {
      cluster: 'web',
      containers: [
        { name: 'mysql', ports: [{ name: 'mysql', containerPort: 3306 }] },
      ],
      registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
      tags: { owner: 'team-web', system: 'web', component: 'mysql' },
    })
    .build();
  const us = scope('111111111111', 'us-east-1')
    .namespace('sc.local', 'HTTP')
    .cluster('shop-us', { defaultNamespace: 'sc.local' })
    .service('user-service', {
      cluster: 'shop-us',
      serviceConnect: {
        services: [
          {
            portName: 'http',
            discoveryName: 'user-service',
            clientAliases: [{ dnsName: 'user-service', port: 8080 }],
          },
        ],
      },
      tags: { owner: 'team-identity' },
    })
    .build();
  return [eu, us];
}

/** The demo-like snapshots as the live network, every scope read. @public */
export function demoLikeNetwork(): LiveNetwork {
  const snapshots = demoLikeSnapshots();
  return {
    generation: 7,
    snapshots,
    statuses: snapshots.map(s => ({
      accountId: s.accountId,
      region: s.region,
      lastSuccessAt: s.readAt,
      consecutiveFailures: 0,
      stale: false,
      calls: {},
      counts: {
        services: s.services.length,
        namespaces: s.namespaces.length,
        taskDefinitions: s.taskDefinitions.length,
      },
    })),
  };
}

/**
 * checkout, a new Service Connect service for the demo-like shop cluster,
 * correct as it stands; tests change one thing at a time.
 *
 * @public
 */
export function plannedService(
  overrides: Partial<PlannedService> = {},
): PlannedService {
  return {
    source: 'input',
    accountId: '111111111111',
    region: 'eu-west-1',
    cluster: 'shop',
    serviceName: 'checkout',
    networkMode: 'awsvpc',
    containers: [
      {
        name: 'checkout',
        portMappings: [{ name: 'http', containerPort: 8080, protocol: 'tcp' }],
        environment: {},
      },
    ],
    serviceConnect: {
      services: [
        {
          portName: 'http',
          discoveryName: 'checkout',
          clientAliases: [{ dnsName: 'checkout', port: 8080 }],
        },
      ],
    },
    serviceDiscovery: [],
    tags: { owner: 'team-orders', component: 'checkout' },
    dependencies: [],
    intent: 'create',
    ...overrides,
  };
}
