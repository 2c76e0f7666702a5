import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { checkPlan } from './checkPlan';
import type { PlannedService, Problem } from './types';

const plan = plannedService;

const errors = (problems: Problem[]) =>
  problems.filter(p => p.severity === 'error');
const rules = (problems: Problem[]) => problems.map(p => p.ruleId);

describe('checkPlan', () => {
  it('passes a correct Service Connect plan and resolves the cluster default namespace', () => {
    const { problems, resolved } = checkPlan(plan(), demoLikeNetwork());
    expect(errors(problems)).toEqual([]);
    expect(resolved.serviceConnect).toMatchObject({
      namespaceName: 'sc.local',
      namespaceArn:
        'arn:aws:servicediscovery:eu-west-1:111111111111:namespace/ns-sc-local',
      namespaceFromCluster: true,
      discoveryName: 'checkout',
      clientAliases: ['checkout:8080'],
    });
    expect(resolved.endpoints).toEqual(['checkout:8080']);
    expect(resolved.serviceArn).toBe(
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout',
    );
  });

  it('names the owner service and team of a client alias it collides with', () => {
    const { problems } = checkPlan(
      plan({
        serviceConnect: {
          services: [
            {
              portName: 'http',
              discoveryName: 'checkout',
              clientAliases: [{ dnsName: 'user-service', port: 8080 }],
            },
          ],
        },
      }),
      demoLikeNetwork(),
    );
    const alias = problems.filter(p => p.ruleId === 'duplicate-client-alias');
    expect(alias).toHaveLength(1);
    expect(alias[0].severity).toBe('error');
    expect(alias[0].message).toContain('user-service:8080');
    expect(alias[0].message).toContain('shop/user-service');
    expect(alias[0].message).toContain('team-identity');
  });

  it('reports a taken service name, alias and discovery name once each, naming the other service and its owner', () => {
    const { problems } = checkPlan(
      plan({
        serviceName: 'user-service',
        serviceConnect: {
          services: [
            {
              portName: 'http',
              discoveryName: 'user-service',
              clientAliases: [{ dnsName: 'user-service', port: 8080 }],
            },
          ],
        },
      }),
      demoLikeNetwork(),
    );
    const messages = errors(problems).map(p => p.message);
    expect(new Set(messages).size).toBe(messages.length);
    expect(rules(errors(problems)).sort()).toEqual([
      'duplicate-client-alias',
      'duplicate-discovery-name',
      'service-name-taken',
    ]);
    for (const problem of errors(problems)) {
      expect(problem.message).toContain('shop/user-service');
      expect(problem.message).toContain('team-identity');
      expect(problem.message).not.toMatch(/by\s*[,;.]/);
    }
  });

  it('reports a discovery name already registered in the namespace', () => {
    const { problems } = checkPlan(
      plan({
        serviceConnect: {
          services: [
            {
              portName: 'http',
              discoveryName: 'order-service',
              clientAliases: [{ dnsName: 'checkout', port: 8080 }],
            },
          ],
        },
      }),
      demoLikeNetwork(),
    );
    const clash = problems.find(p => p.ruleId === 'duplicate-discovery-name');
    expect(clash?.severity).toBe('error');
    expect(clash?.message).toContain('team-orders');
  });

  it('finds a port name that matches no port mapping', () => {
    const { problems } = checkPlan(
      plan({
        serviceConnect: {
          services: [
            {
              portName: 'web',
              clientAliases: [{ dnsName: 'checkout', port: 8080 }],
            },
          ],
        },
      }),
      demoLikeNetwork(),
    );
    const linkage = problems.find(
      p => p.ruleId === 'service-connect-port-name',
    );
    expect(linkage?.severity).toBe('error');
    expect(linkage?.message).toContain('"web"');
    expect(linkage?.message).toContain('http');
  });

  it('reports every problem at once', () => {
    const { problems } = checkPlan(
      plan({
        cluster: 'shop',
        serviceName: 'order-service',
        serviceConnect: {
          namespace: 'nowhere.local',
          services: [
            {
              portName: 'web',
              clientAliases: [{ dnsName: 'checkout', port: 8080 }],
            },
          ],
        },
        serviceDiscovery: [
          {
            namespace: 'sc.local',
            createNamespace: false,
            name: 'mysql',
            records: [{ type: 'A', ttl: 300 }],
            customHealthCheck: true,
          },
        ],
        dependencies: ['orders:9999'],
      }),
      demoLikeNetwork(),
    );
    expect(rules(errors(problems))).toEqual(
      expect.arrayContaining([
        'service-name-taken',
        'namespace-not-found',
        'namespace-type',
        'dependency-unknown',
        'service-connect-port-name',
      ]),
    );
    expect(
      problems.find(p => p.ruleId === 'service-name-taken')?.message,
    ).toContain('team-orders');
    expect(
      problems.find(p => p.ruleId === 'namespace-not-found')?.fix,
    ).toContain('sc.local (HTTP)');
    // The explicit, unknown namespace is reported once, not also as "missing".
    expect(rules(problems)).not.toContain('service-connect-namespace-missing');
  });

  it('treats a public or HTTP namespace as wrong for Service Discovery', () => {
    const { problems } = checkPlan(
      plan({
        serviceConnect: undefined,
        serviceDiscovery: [
          {
            namespace: 'public.example.com',
            createNamespace: false,
            name: 'checkout',
            records: [{ type: 'A', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
      }),
      demoLikeNetwork(),
    );
    expect(
      problems.find(p => p.ruleId === 'namespace-type')?.message,
    ).toContain('DNS_PUBLIC');
  });

  it('requires SRV records with a container port for bridge and host network mode', () => {
    const base: Partial<PlannedService> = {
      serviceConnect: undefined,
      cluster: 'web',
      networkMode: 'bridge',
    };
    const a = checkPlan(
      plan({
        ...base,
        serviceDiscovery: [
          {
            namespace: 'app',
            createNamespace: false,
            name: 'search',
            records: [{ type: 'A', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
      }),
      demoLikeNetwork(),
    );
    expect(
      a.problems.find(p => p.ruleId === 'dns-a-record-network-mode')?.severity,
    ).toBe('error');

    const srvWithoutPort = checkPlan(
      plan({
        ...base,
        serviceDiscovery: [
          {
            namespace: 'app',
            createNamespace: false,
            name: 'search',
            records: [{ type: 'SRV', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
      }),
      demoLikeNetwork(),
    );
    expect(
      srvWithoutPort.problems.find(p => p.ruleId === 'dns-srv-missing-port')
        ?.severity,
    ).toBe('error');

    const srv = checkPlan(
      plan({
        ...base,
        serviceDiscovery: [
          {
            namespace: 'app',
            createNamespace: false,
            name: 'search',
            records: [{ type: 'SRV', ttl: 10 }],
            customHealthCheck: true,
            containerName: 'checkout',
            containerPort: 8080,
          },
        ],
      }),
      demoLikeNetwork(),
    );
    expect(errors(srv.problems)).toEqual([]);
    expect(srv.resolved.serviceDiscovery[0]).toMatchObject({
      fqdn: 'search.app',
      recordTypes: ['SRV'],
      ttl: 10,
    });
  });

  it('warns about a TTL above 60 seconds without blocking', () => {
    const { problems } = checkPlan(
      plan({
        serviceConnect: undefined,
        serviceDiscovery: [
          {
            namespace: 'app',
            createNamespace: false,
            name: 'checkout',
            records: [{ type: 'A', ttl: 120 }],
            customHealthCheck: true,
          },
        ],
      }),
      demoLikeNetwork(),
    );
    expect(errors(problems)).toEqual([]);
    expect(problems.find(p => p.ruleId === 'dns-ttl-too-high')?.severity).toBe(
      'warning',
    );
  });

  it('reports a Service Discovery name that another service already registers, with its owner', () => {
    const { problems } = checkPlan(
      plan({
        serviceConnect: undefined,
        cluster: 'web',
        serviceDiscovery: [
          {
            namespace: 'app',
            createNamespace: false,
            name: 'mysql',
            records: [{ type: 'A', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
      }),
      demoLikeNetwork(),
    );
    const taken = problems.find(
      p => p.ruleId === 'service-discovery-name-taken',
    );
    expect(taken?.message).toContain('mysql.app');
    expect(taken?.message).toContain('web/mysql (owner team-web)');
  });

  it('reports a Service Discovery name equal to a Service Connect discovery name in one namespace', () => {
    const { problems } = checkPlan(
      plan({
        serviceConnect: {
          namespace: 'app',
          services: [
            {
              portName: 'http',
              discoveryName: 'checkout',
              clientAliases: [{ dnsName: 'checkout', port: 8080 }],
            },
          ],
        },
        serviceDiscovery: [
          {
            namespace: 'app',
            createNamespace: false,
            name: 'checkout',
            records: [{ type: 'A', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
      }),
      demoLikeNetwork(),
    );
    expect(
      problems.find(p => p.ruleId === 'discovery-name-conflict')?.message,
    ).toContain('checkout');
  });

  it('turns dependencies into edges, and reports unknown and unreachable ones', () => {
    const ok = checkPlan(
      plan({
        dependencies: ['order-service:8080', 'mysql.app'],
        containers: [
          {
            name: 'checkout',
            portMappings: [{ name: 'http', containerPort: 8080 }],
            environment: {
              ORDER_SERVICE_URL: 'http://order-service:8080',
              MYSQL_HOST: 'mysql.app',
            },
          },
        ],
      }),
      demoLikeNetwork(),
    );
    expect(errors(ok.problems)).toEqual([]);
    expect(ok.resolved.dependencies).toEqual([
      expect.objectContaining({
        endpoint: 'order-service:8080',
        resolved: 'order-service:8080',
        service: 'shop/order-service',
        owner: 'team-orders',
        mechanism: 'connect',
        variable: 'ORDER_SERVICE_URL',
      }),
      expect.objectContaining({
        endpoint: 'mysql.app',
        resolved: 'mysql.app',
        service: 'web/mysql',
        owner: 'team-web',
        mechanism: 'dns',
        variable: 'MYSQL_HOST',
      }),
    ]);

    // Service Discovery only: a Service Connect name does not resolve there.
    const unreachable = checkPlan(
      plan({
        serviceConnect: undefined,
        serviceDiscovery: [
          {
            namespace: 'app',
            createNamespace: false,
            name: 'checkout',
            records: [{ type: 'A', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
        dependencies: ['order-service:8080', 'ordres:8080'],
        containers: [
          {
            name: 'checkout',
            portMappings: [{ name: 'http', containerPort: 8080 }],
            environment: {
              ORDER_SERVICE_URL: 'http://order-service:8080',
              ORDRES_URL: 'http://ordres:8080',
            },
          },
        ],
      }),
      demoLikeNetwork(),
    );
    const unreach = unreachable.problems.find(
      p => p.ruleId === 'service-connect-unreachable-caller',
    );
    expect(unreach?.severity).toBe('error');
    expect(unreach?.message).toContain('order-service:8080');
    const unknown = unreachable.problems.filter(
      p => p.ruleId === 'dependency-unknown',
    );
    expect(unknown).toHaveLength(1);
    expect(unknown[0].message).toContain('"ordres:8080"');
  });

  it('blocks App Mesh and a missing owner tag on a new service', () => {
    const { problems } = checkPlan(
      plan({
        proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' },
        tags: { component: 'checkout' },
      }),
      demoLikeNetwork(),
    );
    expect(problems.find(p => p.ruleId === 'app-mesh-in-use')?.severity).toBe(
      'error',
    );
    expect(problems.find(p => p.ruleId === 'owner-tag-missing')?.severity).toBe(
      'error',
    );
  });

  it('lets a migrated service keep its own names and flags App Mesh left behind', () => {
    const migrated = plan({
      serviceName: 'legacy-gateway',
      intent: 'update',
      containers: [
        {
          name: 'legacy-gateway',
          portMappings: [{ name: 'http', containerPort: 8080 }],
          environment: { ORDER_API: 'http://order-service:8080' },
        },
      ],
      serviceConnect: {
        services: [
          {
            portName: 'http',
            discoveryName: 'legacy-gateway',
            clientAliases: [{ dnsName: 'legacy-gateway', port: 8080 }],
          },
        ],
      },
      tags: { owner: 'team-platform', component: 'legacy-gateway' },
    });
    const clean = checkPlan(migrated, demoLikeNetwork());
    expect(errors(clean.problems)).toEqual([]);
    expect(clean.resolved.dependencies.map(d => d.resolved)).toEqual([
      'order-service:8080',
    ]);

    const asNew = checkPlan(
      { ...migrated, intent: 'create' },
      demoLikeNetwork(),
    );
    expect(rules(errors(asNew.problems))).toContain('service-name-taken');

    const leftover = checkPlan(
      {
        ...migrated,
        proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' },
      },
      demoLikeNetwork(),
    );
    expect(
      leftover.problems.find(p => p.ruleId === 'app-mesh-in-use')?.severity,
    ).toBe('error');
  });

  it('says so when live state is missing, or the account is not read', () => {
    const empty = checkPlan(plan(), {
      generation: 0,
      snapshots: [],
      statuses: [],
    });
    expect(rules(empty.problems)).toEqual(['live-state-unavailable']);
    const other = checkPlan(
      plan({ accountId: '999999999999' }),
      demoLikeNetwork(),
    );
    expect(rules(other.problems)).toEqual(['scope-not-read']);
    expect(other.problems[0].message).toContain('111111111111 / eu-west-1');
    const cluster = checkPlan(plan({ cluster: 'nope' }), demoLikeNetwork());
    expect(
      cluster.problems.find(p => p.ruleId === 'cluster-not-found')?.fix,
    ).toContain('shop, web');
  });

  it('creates a new private DNS namespace, unless one of that name exists', () => {
    const fresh = checkPlan(
      plan({
        serviceConnect: undefined,
        serviceDiscovery: [
          {
            namespace: 'checkout.internal',
            createNamespace: true,
            name: 'checkout',
            records: [{ type: 'A', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
      }),
      demoLikeNetwork(),
    );
    expect(errors(fresh.problems)).toEqual([]);
    expect(fresh.resolved.endpoints).toEqual(['checkout.checkout.internal']);
    const clash = checkPlan(
      plan({
        serviceConnect: undefined,
        serviceDiscovery: [
          {
            namespace: 'app',
            createNamespace: true,
            name: 'checkout',
            records: [{ type: 'A', ttl: 10 }],
            customHealthCheck: true,
          },
        ],
      }),
      demoLikeNetwork(),
    );
    expect(rules(errors(clash.problems))).toContain('namespace-exists');
  });
});
