import { analyzeNetwork } from './analyze';
import { scope } from './testing';

const ordersSc = {
  namespace: 'sc.local',
  services: [
    {
      portName: 'http',
      discoveryName: 'orders',
      clientAliases: [{ dnsName: 'orders', port: 8080 }],
    },
  ],
};

function shop() {
  const b = scope()
    .namespace('sc.local', 'HTTP')
    .namespace('app')
    .cloudMapService('mysql', 'app');
  b.service('orders', { serviceConnect: ordersSc });
  b.service('mysql', {
    registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
    containers: [{ ports: [{ name: 'mysql', containerPort: 3306 }] }],
  });
  return b;
}

describe('edges', () => {
  it('links a container reference to the Service Connect endpoint it names', () => {
    const b = shop();
    b.service('web', {
      serviceConnect: { namespace: 'sc.local', services: [] },
      containers: [{ environment: { ORDERS_URL: 'http://orders:8080/api' } }],
    });
    const model = analyzeNetwork([b.build()]);
    expect(model.edges).toEqual([
      {
        from: b.serviceArn('web'),
        to: b.serviceArn('orders'),
        endpointId: 'connect:111122223333:eu-west-1:sc.local:orders:8080',
        mechanism: 'connect',
        evidence: [
          {
            kind: 'environment',
            reference: 'http://orders:8080/api',
            container: 'app',
            variable: 'ORDERS_URL',
          },
        ],
      },
    ]);
    expect(model.unresolved).toEqual([]);
  });

  it('merges every kind of evidence for one call into one edge', () => {
    const b = shop();
    b.service('web', {
      serviceConnect: { namespace: 'sc.local', services: [] },
      containers: [
        {
          environment: {
            ORDERS: 'orders:8080',
            ORDERS_AGAIN: 'http://orders:8080',
          },
          command: ['node', 'server.js', '--orders=orders:8080'],
        },
      ],
      tags: { owner: 'team-a', 'depends-on': 'orders, orders:8080' },
    });
    const model = analyzeNetwork([b.build()], {
      catalogDependsOn: { [b.serviceArn('web')]: ['orders'] },
      observed: [{ from: b.serviceArn('web'), discoveryName: 'orders' }],
    });
    expect(model.edges).toHaveLength(1);
    expect(model.edges[0].evidence).toEqual([
      {
        kind: 'environment',
        reference: 'orders:8080',
        container: 'app',
        variable: 'ORDERS',
      },
      {
        kind: 'environment',
        reference: 'http://orders:8080',
        container: 'app',
        variable: 'ORDERS_AGAIN',
      },
      { kind: 'command', reference: 'orders:8080', container: 'app' },
      { kind: 'tag', reference: 'orders', variable: 'depends-on' },
      { kind: 'tag', reference: 'orders:8080', variable: 'depends-on' },
      { kind: 'catalog', reference: 'orders' },
      { kind: 'metrics', reference: 'orders' },
    ]);
  });

  it('matches DNS names case-insensitively on any port the tasks expose', () => {
    const b = shop();
    b.service('api', {
      containers: [
        {
          environment: {
            DB: 'jdbc:mysql://MYSQL.APP:3306/shop',
            DB_RO: 'mysql.app.',
          },
        },
      ],
    });
    const model = analyzeNetwork([b.build()]);
    expect(model.edges.map(e => [e.endpointId, e.evidence.length])).toEqual([
      ['dns:111122223333:eu-west-1:app:mysql.app', 2],
    ]);
  });

  it('does not match look-alike names or wrong ports', () => {
    const b = shop();
    b.service('user-service', {
      serviceConnect: {
        namespace: 'sc.local',
        services: [
          {
            portName: 'http',
            clientAliases: [{ dnsName: 'user-service', port: 8080 }],
          },
        ],
      },
    });
    b.service('api', {
      serviceConnect: { namespace: 'sc.local', services: [] },
      containers: [
        {
          environment: {
            USERS: 'user-service-v2:8080',
            ORDERS: 'orders:9090',
            DB: 'mysql.application',
            DB2: 'mysql.app:5432',
          },
        },
      ],
    });
    const model = analyzeNetwork([b.build()]);
    expect(model.edges).toEqual([]);
    expect(model.unresolved.map(u => u.reference)).toEqual([
      'mysql.app:5432',
      'orders:9090',
      'user-service-v2:8080',
    ]);
  });

  it('keeps a DNS edge to another account when only that account serves the name', () => {
    const dbAccount = scope('222222222222')
      .namespace('app')
      .cloudMapService('mysql', 'app');
    dbAccount.service('mysql', {
      registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
      containers: [{ ports: [{ containerPort: 3306 }] }],
    });
    const appAccount = scope('111111111111');
    appAccount.service('api', {
      containers: [{ environment: { DB: 'mysql.app:3306' } }],
    });
    const model = analyzeNetwork([appAccount.build(), dbAccount.build()]);
    expect(model.edges).toMatchObject([
      {
        from: appAccount.serviceArn('api'),
        to: dbAccount.serviceArn('mysql'),
        mechanism: 'dns',
      },
    ]);
  });

  it('prefers the caller’s own account and region when a DNS name exists in several', () => {
    const build = (account: string) => {
      const b = scope(account).namespace('app').cloudMapService('mysql', 'app');
      b.service('mysql', {
        registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
      });
      return b;
    };
    const mine = build('111111111111');
    mine.service('api', { containers: [{ environment: { DB: 'mysql.app' } }] });
    const theirs = build('222222222222');
    const model = analyzeNetwork([theirs.build(), mine.build()]);
    expect(model.edges.map(e => e.to)).toEqual([mine.serviceArn('mysql')]);
  });

  it('still draws the edge when a caller outside Service Connect uses a Service Connect name', () => {
    const b = shop();
    b.service('batch', {
      containers: [{ environment: { ORDERS: 'http://orders:8080' } }],
    });
    expect(analyzeNetwork([b.build()]).edges).toMatchObject([
      { mechanism: 'connect', to: b.serviceArn('orders') },
    ]);
  });

  it('resolves dependency tags by ARN, endpoint and service name, and reports unknown entries', () => {
    const b = shop();
    b.service('web', {
      tags: {
        owner: 'team-a',
        'depends-on': `${'arn:aws:ecs:eu-west-1:111122223333:service/main/mysql'},orders,ghost`,
      },
    });
    const model = analyzeNetwork([b.build()]);
    expect(model.edges.map(e => [e.to, e.mechanism])).toEqual([
      [b.serviceArn('mysql'), 'dns'],
      [b.serviceArn('orders'), 'connect'],
    ]);
    expect(model.unresolved).toEqual([
      {
        serviceArn: b.serviceArn('web'),
        container: '',
        reference: 'ghost',
        source: { kind: 'tag', key: 'depends-on' },
      },
    ]);
  });

  it('reads the dependency tag from the configured key and ignores unknown catalog names', () => {
    const b = shop();
    b.service('web', { tags: { owner: 'team-a', 'x-deps': 'mysql.app' } });
    const model = analyzeNetwork([b.build()], {
      tagKeys: { dependsOn: 'x-deps' },
      catalogDependsOn: { [b.serviceArn('web')]: ['rds-postgres'] },
    });
    expect(model.edges.map(e => e.evidence[0])).toEqual([
      { kind: 'tag', reference: 'mysql.app', variable: 'x-deps' },
    ]);
    expect(model.unresolved).toEqual([]);
  });

  it('turns observed traffic into edges within the caller’s namespace', () => {
    const b = shop();
    b.service('web', {
      serviceConnect: { namespace: 'sc.local', services: [] },
    });
    const model = analyzeNetwork([b.build()], {
      observed: [
        { from: b.serviceArn('web'), discoveryName: 'orders' },
        { from: b.serviceArn('web'), discoveryName: 'deleted-long-ago' },
      ],
    });
    expect(model.edges).toMatchObject([
      {
        to: b.serviceArn('orders'),
        evidence: [{ kind: 'metrics', reference: 'orders' }],
      },
    ]);
    expect(model.unresolved).toEqual([]);
  });

  it('ignores a service calling its own endpoint', () => {
    const b = scope();
    b.service('orders', {
      serviceConnect: ordersSc,
      containers: [{ environment: { SELF: 'http://orders:8080' } }],
    });
    const model = analyzeNetwork([b.build()]);
    expect(model.edges).toEqual([]);
    expect(model.unresolved).toEqual([]);
  });
});
