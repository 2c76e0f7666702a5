import { analyzeNetwork } from '../analyze';
import { lintRules } from '../rules';
import type { ScopeSnapshot } from '../snapshot';
import { scope } from '../testing/builders';
import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { baselineOf } from './baseline';
import {
  analyzeEstateWithPlan,
  analyzeWithPlan,
  snapshotsWithPlan,
} from './mergeFragment';
import { planNeighbourhood } from './neighbourhood';
import { RULES_WITH_KNOWN_REACH } from './ruleReach';
import { servicesByArn } from './owners';
import { planFragment } from './planFragment';
import { problemCollector } from './problemCollector';
import { resolveScope } from './resolveScope';
import type { LiveNetwork, PlannedService } from './types';
import { resolveTagKeys } from '../options';

/**
 * An estate where plans reach far: a namespace one account shares with
 * another, a client alias claimed twice, a Service Discovery name equal to a
 * Service Connect discovery name, load balancers, dependency tags by ARN,
 * name and address, observed calls, references to names that resolve in
 * another account, and names under namespaces that resolve to nothing.
 */
function intricateNetwork(): LiveNetwork {
  const owner = scope('111111111111', 'eu-west-1')
    .namespace('mesh.local', 'HTTP')
    .namespace('app', 'DNS_PRIVATE')
    .shares('mesh.local', [
      {
        name: 'mesh',
        arn: 'arn:aws:ram:eu-west-1:111111111111:resource-share/mesh',
        principals: ['222222222222'],
        permissions: ['AWSRAMPermissionCloudMapECSFullPermission'],
        status: 'ACTIVE',
      },
    ])
    .cluster('core', { defaultNamespace: 'mesh.local' })
    .cloudMapService('ledger', 'app', { records: [{ type: 'SRV', ttl: 10 }] })
    .cloudMapService('orders', 'mesh.local', {
      records: [{ type: 'A', ttl: 10 }],
      instances: [{ id: 'i-1', ipv4: '10.0.0.9', port: 8080 }],
    })
    .service('orders', {
      cluster: 'core',
      serviceConnect: {
        services: [
          {
            portName: 'http',
            discoveryName: 'orders',
            clientAliases: [{ dnsName: 'orders', port: 8080 }],
          },
        ],
        since: '2025-07-01T00:00:00.000Z',
      },
      containers: [
        {
          name: 'orders',
          environment: {
            LEDGER: 'ledger.app:9000',
            USERS: 'http://users:8080',
          },
        },
      ],
      tags: { owner: 'team-orders', 'depends-on': 'payments billing.app' },
    })
    .service('orders-canary', {
      cluster: 'core',
      serviceConnect: connect('orders-canary', 'orders', 8080),
      tags: { owner: 'team-orders' },
    })
    .service('ledger', {
      cluster: 'core',
      networkMode: 'bridge',
      registries: [
        {
          cloudMapService: 'ledger',
          namespace: 'app',
          containerName: 'app',
          containerPort: 9000,
        },
      ],
      loadBalancers: [
        {
          targetGroupArn:
            'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/ledger/1',
          dnsName: 'ledger-lb.eu-west-1.elb.amazonaws.com',
          containerName: 'app',
          containerPort: 9000,
        },
      ],
      containers: [
        {
          name: 'app',
          ports: [{ name: 'tcp', containerPort: 9000, hostPort: 0 }],
          environment: { ORDERS: 'orders:8080', AUDIT: 'audit.app:7000' },
        },
      ],
      tags: {
        owner: 'team-ledger',
        'depends-on':
          'arn:aws:ecs:eu-west-1:222222222222:service/edge/payments',
      },
    })
    .build();
  const consumer = scope('222222222222', 'eu-west-1')
    .sharedNamespace(
      scope('111111111111', 'eu-west-1').namespace('mesh.local', 'HTTP'),
      'mesh.local',
    )
    .cluster('edge')
    .service('payments', {
      cluster: 'edge',
      serviceConnect: {
        namespace: owner.namespaces.find(ns => ns.name === 'mesh.local')!.arn,
        services: [
          {
            portName: 'http',
            discoveryName: 'payments',
            clientAliases: [{ dnsName: 'payments', port: 8080 }],
          },
        ],
        since: '2025-05-01T00:00:00.000Z',
      },
      containers: [
        {
          name: 'payments',
          environment: {
            ORDERS_URL: 'http://orders:8080',
            LEDGER_LB: 'https://ledger-lb.eu-west-1.elb.amazonaws.com',
          },
        },
      ],
      tags: { owner: 'team-payments' },
    })
    .service('reports', {
      cluster: 'edge',
      containers: [
        {
          name: 'reports',
          environment: {
            ORDERS: 'orders.mesh.local:8080',
            NEW: 'api.reports.internal:443',
          },
        },
      ],
      tags: { owner: 'team-reports', 'depends-on': 'orders' },
    })
    .build();
  consumer.observedCalls = [
    { from: consumer.services[0].arn, discoveryName: 'orders' },
  ];
  const snapshots: ScopeSnapshot[] = [owner, consumer];
  return {
    generation: 3,
    statuses: [],
    snapshots,
  };
}

/** A Service Connect configuration of one entry with one client alias. */
function connect(
  discoveryName: string,
  dnsName: string,
  port: number,
  namespace?: string,
): PlannedService['serviceConnect'] {
  return {
    namespace,
    services: [
      { portName: 'http', discoveryName, clientAliases: [{ dnsName, port }] },
    ],
  };
}

function prepare(live: LiveNetwork, plan: PlannedService) {
  const { add } = problemCollector();
  const planScope = resolveScope(plan, live, add)!;
  const fragment = planFragment(
    plan,
    planScope,
    servicesByArn(baselineOf(live).model),
    add,
  );
  return { planScope, fragment };
}

/** The plan's model both ways: its neighbourhood patched into the baseline, and the estate analysed whole. */
function bothWays(live: LiveNetwork, plan: PlannedService) {
  const { planScope, fragment } = prepare(live, plan);
  return {
    patched: analyzeWithPlan(live, planScope, fragment),
    whole: analyzeEstateWithPlan(live, planScope, fragment),
  };
}

const sharedMesh = (live: LiveNetwork) =>
  live.snapshots[0].namespaces.find(ns => ns.name === 'mesh.local')!.arn;

const CASES: Array<
  [string, () => LiveNetwork, (live: LiveNetwork) => PlannedService]
> = [
  [
    'a new service, correct as it stands',
    demoLikeNetwork,
    () => plannedService(),
  ],
  [
    'a client alias a live service claims, calling a service with an error finding',
    demoLikeNetwork,
    () =>
      plannedService({
        serviceConnect: connect('checkout', 'user-service', 8080),
        dependencies: ['legacy-gateway', 'order-service:8080'],
        containers: [
          {
            name: 'checkout',
            portMappings: [
              { name: 'http', containerPort: 8080, protocol: 'tcp' },
            ],
            environment: {
              LEGACY: 'http://legacy-gateway:8080',
              ORDERS: 'http://order-service:8080',
              GONE: 'http://nowhere:8080',
            },
          },
        ],
      }),
  ],
  [
    'a discovery name taken in the namespace, and a Service Discovery name equal to a Service Connect one',
    demoLikeNetwork,
    () =>
      plannedService({
        serviceConnect: connect('inventory', 'checkout', 8080),
        serviceDiscovery: [
          {
            namespace: 'sc.local',
            createNamespace: false,
            name: 'order-service',
            records: [{ type: 'A', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
      }),
  ],
  [
    'a new private DNS namespace whose names live references already use',
    intricateNetwork,
    () =>
      plannedService({
        accountId: '222222222222',
        cluster: 'edge',
        serviceName: 'reports-api',
        serviceConnect: undefined,
        serviceDiscovery: [
          {
            namespace: 'reports.internal',
            createNamespace: true,
            name: 'api',
            records: [{ type: 'A', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
      }),
  ],
  [
    'the service a shared namespace, an alias claimed twice and observed calls reach, replaced',
    intricateNetwork,
    () =>
      plannedService({
        cluster: 'core',
        serviceName: 'orders',
        intent: 'update',
        serviceConnect: connect('orders-v2', 'orders', 9090),
      }),
  ],
  [
    'a service in the shared namespace from the other account, claiming a live alias',
    intricateNetwork,
    live =>
      plannedService({
        accountId: '222222222222',
        cluster: 'edge',
        serviceName: 'payments-2',
        serviceConnect: connect('payments', 'payments', 8080, sharedMesh(live)),
        dependencies: ['orders:8080', 'ledger-lb.eu-west-1.elb.amazonaws.com'],
      }),
  ],
  [
    'a service in a cluster that does not exist',
    demoLikeNetwork,
    () => plannedService({ cluster: 'new-cluster' }),
  ],
];

describe('planNeighbourhood', () => {
  it('knows the reach of every lint rule, so no plan check analyses the whole estate', () => {
    expect(
      lintRules.map(r => r.id).filter(id => !RULES_WITH_KNOWN_REACH.has(id)),
    ).toEqual([]);
  });

  it.each(CASES)(
    'gives the model of the whole estate for %s',
    (_, network, planOf) => {
      const live = network();
      const plan = planOf(live);
      const { patched, whole } = bothWays(live, plan);
      // checkPlan reads the plan's analysis from this model alone (and the
      // baseline's): equal models, equal checks.
      expect(patched).toEqual(whole);
    },
  );

  it.each([
    ['demo-like', demoLikeNetwork],
    ['intricate', intricateNetwork],
  ])(
    'gives the model of the whole estate when any live service of the %s estate is replaced or its names claimed again',
    (_, network) => {
      const live = network();
      const services = analyzeNetwork(live.snapshots).services;
      const wrong: string[] = [];
      for (const service of services) {
        const sc = live.snapshots
          .flatMap(s => s.services)
          .find(s => s.arn === service.arn)!.serviceConnect;
        const entry = sc?.services[0];
        const alias = entry?.clientAliases[0];
        const base = {
          accountId: service.accountId,
          region: service.region,
          cluster: service.cluster,
          serviceConnect: sc?.enabled
            ? {
                namespace: sc.namespace,
                services: [
                  {
                    portName: 'http',
                    discoveryName: entry?.discoveryName ?? service.name,
                    clientAliases: [
                      {
                        dnsName: alias?.dnsName ?? service.name,
                        port: alias?.port ?? 8080,
                      },
                    ],
                  },
                ],
              }
            : undefined,
        };
        const plans: PlannedService[] = [
          plannedService({
            ...base,
            serviceName: service.name,
            intent: 'update',
          }),
          plannedService({
            ...base,
            serviceName: `${service.name}-twin`,
            dependencies: [service.name],
            tags: { owner: 'team-twin', 'depends-on': service.arn },
          }),
        ];
        for (const plan of plans) {
          const { patched, whole } = bothWays(live, plan);
          try {
            expect(patched).toEqual(whole);
          } catch {
            wrong.push(`${plan.intent} ${plan.serviceName}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it('analyses only what the plan touches', () => {
    const live = intricateNetwork();
    const plan = plannedService({
      accountId: '222222222222',
      cluster: 'edge',
      serviceName: 'lonely',
      serviceConnect: undefined,
    });
    const { planScope, fragment } = prepare(live, plan);
    const around = planNeighbourhood(
      baselineOf(live),
      snapshotsWithPlan(live, planScope, fragment),
      planScope,
      fragment,
      resolveTagKeys(),
    );
    expect(around.snapshots.flatMap(s => s.services).map(s => s.name)).toEqual([
      'lonely',
    ]);
    expect([...around.affected.services]).toEqual([fragment.analysisArn]);
  });
});
