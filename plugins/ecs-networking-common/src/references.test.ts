import type { ContainerReference } from './snapshot';
import {
  createReferenceIndex,
  extractReferences,
  filterReferences,
  retainReferences,
} from './references';
import { scope } from './testing';

const env = (variable: string) => ({ kind: 'environment' as const, variable });
const texts = (refs: ContainerReference[]) => refs.map(r => r.text);

describe('extractReferences', () => {
  it('keeps scheme, host, port and path of a URL', () => {
    expect(
      extractReferences('http://orders:8080/api', env('ORDERS_URL')),
    ).toEqual([
      {
        text: 'http://orders:8080/api',
        host: 'orders',
        port: 8080,
        scheme: 'http',
        source: { kind: 'environment', variable: 'ORDERS_URL' },
      },
    ]);
  });

  it('reads compound JDBC schemes', () => {
    const [ref] = extractReferences('jdbc:mysql://mysql.app/shop', env('DB'));
    expect(ref).toMatchObject({
      text: 'jdbc:mysql://mysql.app/shop',
      scheme: 'jdbc:mysql',
      host: 'mysql.app',
    });
    expect(ref.port).toBeUndefined();
  });

  it('drops user and password, whatever characters the password holds', () => {
    for (const value of [
      'mysql://user:pass@mysql.app:3306/db',
      'mysql://admin:p/ss?w#rd@mysql.app:3306/db',
      'mysql://admin:a,b;c@mysql.app:3306/db',
      'mysql://admin:1234/5678@mysql.app:3306/db',
    ]) {
      const refs = extractReferences(value, env('DATABASE_URL'));
      expect(texts(refs)).toEqual(['mysql://mysql.app:3306/db']);
      const serialized = JSON.stringify(refs);
      for (const secret of [
        'user',
        'pass',
        'admin',
        'p/ss',
        'rd',
        'a,b',
        '5678',
      ]) {
        expect(serialized).not.toContain(secret);
      }
    }
  });

  it('strips query strings and fragments, and never scans them', () => {
    const refs = extractReferences(
      'redis://cache.sc.local:6379/0?password=hunter2.example&next=orders.sc.local#frag',
      env('REDIS_URL'),
    );
    expect(texts(refs)).toEqual(['redis://cache.sc.local:6379/0']);
  });

  it('drops the query of a reference without a scheme', () => {
    expect(
      texts(
        extractReferences('orders.sc.local:8080/api?key=abc.def', env('X')),
      ),
    ).toEqual(['orders.sc.local:8080/api']);
  });

  it('finds host:port and dotted names without a scheme', () => {
    expect(texts(extractReferences('mysql.app:3306', env('DB_HOST')))).toEqual([
      'mysql.app:3306',
    ]);
    expect(texts(extractReferences('user-service:8080', env('USERS')))).toEqual(
      ['user-service:8080'],
    );
    expect(texts(extractReferences('orders.sc.local', env('ORDERS')))).toEqual([
      'orders.sc.local',
    ]);
    expect(texts(extractReferences('MySQL.App.', env('X')))).toEqual([]);
    expect(texts(extractReferences('mysql.app.', env('X')))).toEqual([
      'mysql.app',
    ]);
  });

  it('finds several references in one value, whatever the separator', () => {
    expect(
      texts(
        extractReferences(
          'http://a:8080,http://b:8081/x; c.sc.local:9000 d.app',
          env('PEERS'),
        ),
      ),
    ).toEqual(['http://a:8080', 'http://b:8081/x', 'c.sc.local:9000', 'd.app']);
  });

  it('reads every host of a multi-host connection string', () => {
    expect(
      texts(
        extractReferences(
          'mongodb://app:s3cret@db1.app:27017,db2.app:27017/shop?replicaSet=rs0',
          env('MONGO_URL'),
        ),
      ),
    ).toEqual(['mongodb://db1.app:27017/shop', 'db2.app:27017']);
  });

  it('ignores connection-string parameters after a JDBC host', () => {
    expect(
      texts(
        extractReferences(
          'jdbc:sqlserver://sql.app:1433;databaseName=shop;password=my.secret',
          env('JDBC_URL'),
        ),
      ),
    ).toEqual(['jdbc:sqlserver://sql.app:1433']);
  });

  it('finds references in commands and flags', () => {
    const refs = extractReferences(
      'java -Djava.security.egd=file:/dev/./urandom -jar app.jar --upstream=http://orders:8080 --db=mysql.app:3306',
      { kind: 'command' },
    );
    expect(texts(refs)).toContain('http://orders:8080');
    expect(texts(refs)).toContain('mysql.app:3306');
    expect(refs.every(r => r.source.kind === 'command')).toBe(true);
  });

  it('yields nothing for bare words, flags, versions and times', () => {
    for (const value of [
      'true',
      'production',
      'ecsnet-canary-7f3a9b',
      '1.2.3',
      '12:30',
      '--verbose',
      'nginx:latest',
    ]) {
      expect(extractReferences(value, env('X'))).toEqual([]);
    }
  });

  it('lets no canary secret through', () => {
    const canary = 'ecsnet-canary-7f3a9b';
    const values = [
      canary,
      `postgres://svc:${canary}@db.app:5432/app`,
      `http://orders:8080/hook?token=${canary}#${canary}`,
      `token=${canary}`,
      `${canary}@mysql.app:3306`,
      `http://orders:8080/hooks/${canary}/run`,
    ];
    for (const value of values) {
      const serialized = JSON.stringify(
        extractReferences(value, env('CONFIG')),
      );
      expect(serialized).not.toContain('7f3a9b');
    }
  });

  it('cuts a path at the first segment that looks like a token', () => {
    expect(
      texts(
        extractReferences(
          'http://hooks.app/services/T0001/B0001/XyZ123abc456def',
          env('HOOK_URL'),
        ),
      ),
    ).toEqual(['http://hooks.app/services/T0001/B0001']);
  });

  it('refuses JWT-shaped dotted tokens', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT4fwpM';
    expect(extractReferences(jwt, env('SESSION'))).toEqual([]);
  });

  it('reads nothing from variables named like secrets', () => {
    expect(extractReferences('admin:1234', env('DB_PASSWORD'))).toEqual([]);
    expect(extractReferences('mysql.app:3306', env('API_TOKEN'))).toEqual([]);
    expect(
      texts(extractReferences('https://auth.app/token', env('TOKEN_ENDPOINT'))),
    ).toEqual(['https://auth.app/token']);
  });
});

describe('filterReferences', () => {
  const snapshot = scope()
    .namespace('app')
    .namespace('sc.local', 'HTTP')
    .cloudMapService('mysql', 'app')
    .service('mysql', {
      registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
      containers: [{ ports: [{ containerPort: 3306 }] }],
    })
    .service('user-service', {
      serviceConnect: {
        namespace: 'sc.local',
        services: [
          {
            portName: 'http',
            clientAliases: [{ dnsName: 'user-service', port: 8080 }],
          },
        ],
      },
    })
    .build();
  const index = createReferenceIndex([snapshot]);
  const retain = (value: string) =>
    texts(filterReferences(extractReferences(value, env('X')), index));

  it('keeps references to known endpoints', () => {
    expect(retain('mysql.app:3306')).toEqual(['mysql.app:3306']);
    expect(retain('http://user-service:8080/api')).toEqual([
      'http://user-service:8080/api',
    ]);
  });

  it('keeps unknown names that look internal', () => {
    expect(retain('http://billing')).toEqual(['http://billing']);
    expect(retain('billing:9090')).toEqual(['billing:9090']);
    expect(retain('payments.sc.local')).toEqual(['payments.sc.local']);
  });

  it('drops external hosts, IPs, loopback and file names', () => {
    expect(
      retain(
        'https://api.stripe.com/v1 10.0.0.5:5432 localhost:8080 app.jar config.yaml',
      ),
    ).toEqual([]);
  });

  it('does not mistake look-alike names for ours', () => {
    expect(retain('mysql.application')).toEqual([]);
    expect(retain('mysql.application:3306')).toEqual([]);
  });

  it('drops duplicates of the same reference from the same place', () => {
    expect(retain('mysql.app:3306 mysql.app:3306')).toEqual(['mysql.app:3306']);
  });
});

describe('retainReferences', () => {
  it('filters every container of the snapshots against all known scopes, leaving the input as it was', () => {
    const db = scope('222222222222')
      .namespace('app')
      .cloudMapService('mysql', 'app');
    db.service('mysql', {
      registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
      containers: [{ ports: [{ containerPort: 3306 }] }],
    });
    const web = scope('111111111111');
    web.service('web', {
      containers: [
        {
          environment: {
            DB: 'mysql://web:pw@mysql.app:3306/shop',
            STRIPE: 'https://api.stripe.com/v1',
            ORDERS: 'http://orders:8080',
          },
        },
      ],
    });
    const fresh = web.build();
    const [retained] = retainReferences([fresh], [fresh, db.build()]);
    expect(texts(retained.taskDefinitions[0].containers[0].references)).toEqual(
      ['mysql://mysql.app:3306/shop', 'http://orders:8080'],
    );
    expect(fresh.taskDefinitions[0].containers[0].references).toHaveLength(3);
    expect(retained.services).toBe(fresh.services);
  });

  it('drops a name of another account when that account is not known', () => {
    const web = scope();
    web.service('web', {
      containers: [{ environment: { DB: 'mysql.app:3306' } }],
    });
    const [retained] = retainReferences([web.build()]);
    expect(retained.taskDefinitions[0].containers[0].references).toEqual([]);
  });
});
