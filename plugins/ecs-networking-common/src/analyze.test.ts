import { analyzeNetwork } from './analyze';
import type { ScopeSnapshot } from './snapshot';
import { scope } from './testing';

describe('analyzeNetwork', () => {
  it('presents services with tags, network mode and endpoints', () => {
    const b = scope().namespace('sc.local', 'HTTP');
    b.service('orders', {
      networkMode: 'awsvpc',
      tags: {
        owner: 'team-orders',
        system: 'shop',
        lifecycle: 'production',
        component: 'orders-api',
      },
      serviceConnect: {
        namespace: 'sc.local',
        services: [
          {
            portName: 'http',
            clientAliases: [{ dnsName: 'orders', port: 8080 }],
          },
        ],
      },
      taskIps: ['10.0.1.5'],
    });
    const model = analyzeNetwork([b.build()]);
    expect(model.services).toEqual([
      {
        arn: b.serviceArn('orders'),
        name: 'orders',
        cluster: 'main',
        clusterArn: b.clusterArn('main'),
        taskDefinitionArn: b.taskDefinitionArn('orders'),
        accountId: '111122223333',
        region: 'eu-west-1',
        owner: 'team-orders',
        system: 'shop',
        lifecycle: 'production',
        component: 'orders-api',
        networkMode: 'awsvpc',
        serviceConnect: true,
        serviceConnectNamespace: b.namespaceArn('sc.local'),
        serviceConnectNamespaceName: 'sc.local',
        endpointIds: ['connect:111122223333:eu-west-1:sc.local:orders:8080'],
        cloudMapServiceArns: [
          'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-sc-sc-local-http',
        ],
      },
    ]);
    expect(model.namespaces).toEqual([
      {
        arn: b.namespaceArn('sc.local'),
        id: 'ns-sc-local',
        name: 'sc.local',
        type: 'HTTP',
        accountId: '111122223333',
        region: 'eu-west-1',
      },
    ]);
    expect(JSON.stringify(model)).not.toContain('10.0.1.5');
  });

  it('reads tags from configured keys', () => {
    const b = scope();
    b.service('orders', {
      tags: { team: 'payments', 'backstage/system': 'shop' },
    });
    const [service] = analyzeNetwork([b.build()], {
      tagKeys: { owner: 'team', system: 'backstage/system' },
    }).services;
    expect([service.owner, service.system]).toEqual(['payments', 'shop']);
  });

  it("reads a namespace's owner from its own owner tag", () => {
    const snapshot = scope().namespace('sc.local', 'HTTP').namespace('app').build();
    snapshot.namespaces.find(ns => ns.name === 'sc.local')!.tags = { team: ' team-platform ' };
    const namespaces = analyzeNetwork([snapshot], { tagKeys: { owner: 'team' } }).namespaces;
    expect(namespaces.map(ns => [ns.name, ns.owner])).toEqual([
      ['app', undefined],
      ['sc.local', 'team-platform'],
    ]);
  });

  it('gives the same model whatever the order of snapshots and items', () => {
    const a = scope('111111111111')
      .namespace('app')
      .cloudMapService('db', 'app');
    a.service('db', {
      registries: [{ cloudMapService: 'db', namespace: 'app' }],
    });
    a.service('api', {
      containers: [{ environment: { DB: 'db.app', X: 'http://missing:80' } }],
      tags: {},
    });
    const c = scope('222222222222');
    c.service('zeta', { tags: {} });
    c.service('alpha', { tags: {} });
    const forward = [a.build(), c.build()];
    const reversed: ScopeSnapshot[] = forward
      .map(s => ({ ...s, services: [...s.services].reverse() }))
      .reverse();
    expect(analyzeNetwork(reversed)).toEqual(analyzeNetwork(forward));
    expect(analyzeNetwork(forward).services.map(s => s.name)).toEqual([
      'api',
      'db',
      'alpha',
      'zeta',
    ]);
  });

  it('analyzes 10,000 services with 20,000 endpoints', () => {
    const SERVICES = 10_000;
    const b = scope().namespace('sc.local', 'HTTP').namespace('app');
    for (let i = 0; i < SERVICES; i++) {
      b.cloudMapService(`svc-${i}`, 'app');
    }
    for (let i = 0; i < SERVICES; i++) {
      const next = (i + 1) % SERVICES;
      const other = (i + 7) % SERVICES;
      b.service(`svc-${i}`, {
        cluster: `cluster-${i % 20}`,
        serviceConnect: {
          namespace: 'sc.local',
          services: [
            {
              portName: 'http',
              discoveryName: `svc-${i}`,
              clientAliases: [{ dnsName: `svc-${i}`, port: 8080 }],
            },
          ],
        },
        registries: [{ cloudMapService: `svc-${i}`, namespace: 'app' }],
        containers: [
          {
            environment: {
              NEXT_URL: `http://svc-${next}:8080/api`,
              OTHER_HOST: `svc-${other}.app:8080`,
              TYPO: i % 100 === 0 ? `http://svc-x${i}:8080` : 'plain',
            },
          },
        ],
      });
    }
    const model = analyzeNetwork([b.build()]);
    expect(model.services).toHaveLength(SERVICES);
    expect(model.endpoints).toHaveLength(2 * SERVICES);
    expect(model.edges).toHaveLength(2 * SERVICES);
    expect(model.unresolved).toHaveLength(SERVICES / 100);
    expect(
      model.findings.filter(f => f.ruleId === 'reference-unresolved'),
    ).toHaveLength(SERVICES / 100);
  });
});
