import { buildEndpoints } from './endpoints';
import { scope, ServiceSpec } from './testing';

type ScSpec = NonNullable<ServiceSpec['serviceConnect']>;
const sc = (
  services: ScSpec['services'],
  extra: Partial<ScSpec> = {},
): ScSpec => ({
  namespace: 'sc.local',
  services,
  ...extra,
});

describe('buildEndpoints', () => {
  it('names a Service Connect alias by its dnsName and port', () => {
    const b = scope().namespace('sc.local', 'HTTP');
    b.service('orders', {
      serviceConnect: sc([
        {
          portName: 'http',
          discoveryName: 'orders',
          clientAliases: [{ dnsName: 'orders', port: 8080 }],
        },
      ]),
    });
    expect(buildEndpoints([b.build()])).toEqual([
      {
        id: 'connect:111122223333:eu-west-1:sc.local:orders:8080',
        mechanism: 'connect',
        name: 'orders:8080',
        host: 'orders',
        port: 8080,
        serviceArn: b.serviceArn('orders'),
        accountId: '111122223333',
        region: 'eu-west-1',
        namespace: {
          arn: b.namespaceArn('sc.local'),
          name: 'sc.local',
          type: 'HTTP',
        },
        reachableFrom: 'service-connect-namespace',
        portName: 'http',
        discoveryName: 'orders',
      },
    ]);
  });

  it('names an alias without dnsName discoveryName.namespace, and the port name stands in for a missing discoveryName', () => {
    const b = scope();
    b.service('orders', {
      serviceConnect: sc([
        {
          portName: 'http',
          discoveryName: 'orders',
          clientAliases: [{ port: 8080 }],
        },
      ]),
    });
    b.service('billing', {
      serviceConnect: sc([
        { portName: 'billing-http', clientAliases: [{ port: 9090 }] },
      ]),
    });
    const names = buildEndpoints([b.build()]).map(e => [
      e.name,
      e.discoveryName,
    ]);
    expect(names).toEqual([
      ['billing-http.sc.local:9090', 'billing-http'],
      ['orders.sc.local:8080', 'orders'],
    ]);
  });

  it('makes an entry without client aliases discoverable through the Cloud Map API only', () => {
    const b = scope();
    b.service('orders', {
      serviceConnect: sc([{ portName: 'http', discoveryName: 'orders' }]),
    });
    const [endpoint] = buildEndpoints([b.build()]);
    expect(endpoint).toMatchObject({
      mechanism: 'http-api',
      reachableFrom: 'cloud-map-api',
      name: 'orders.sc.local',
      discoveryName: 'orders',
    });
    expect(endpoint.port).toBeUndefined();
  });

  it('gives no endpoint when Service Connect is off or has no namespace', () => {
    const b = scope();
    b.service('off', {
      serviceConnect: sc(
        [{ portName: 'http', clientAliases: [{ dnsName: 'off', port: 1 }] }],
        { enabled: false },
      ),
    });
    b.service('client-only', {
      serviceConnect: { namespace: 'sc.local', services: [] },
    });
    b.service('no-namespace', {
      serviceConnect: {
        services: [
          { portName: 'http', clientAliases: [{ dnsName: 'x', port: 80 }] },
        ],
      },
    });
    expect(buildEndpoints([b.build()])).toEqual([]);
  });

  it('names Service Discovery A and SRV records <service>.<namespace> with their DNS settings', () => {
    const b = scope()
      .namespace('app')
      .cloudMapService('mysql', 'app', {
        records: [{ type: 'A', ttl: 10 }],
        routingPolicy: 'MULTIVALUE',
      })
      .cloudMapService('legacy', 'app', {
        records: [{ type: 'SRV', ttl: 30 }],
        routingPolicy: 'WEIGHTED',
      });
    b.service('mysql', {
      registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
    });
    b.service('legacy', {
      networkMode: 'bridge',
      registries: [
        {
          cloudMapService: 'legacy',
          namespace: 'app',
          containerName: 'app',
          containerPort: 8080,
        },
      ],
    });
    const endpoints = buildEndpoints([b.build()]);
    expect(
      endpoints.map(e => [
        e.id,
        e.mechanism,
        e.reachableFrom,
        e.port,
        e.dnsRecords,
        e.routingPolicy,
      ]),
    ).toEqual([
      [
        'dns:111122223333:eu-west-1:app:legacy.app',
        'dns',
        'vpc',
        8080,
        [{ type: 'SRV', ttl: 30 }],
        'WEIGHTED',
      ],
      [
        'dns:111122223333:eu-west-1:app:mysql.app',
        'dns',
        'vpc',
        undefined,
        [{ type: 'A', ttl: 10 }],
        'MULTIVALUE',
      ],
    ]);
    expect(endpoints[1].portName).toBe('mysql');
  });

  it('gives HTTP-namespace registrations a Cloud Map API endpoint', () => {
    const b = scope()
      .namespace('internal-api', 'HTTP')
      .cloudMapService('inventory', 'internal-api', { records: [] });
    b.service('inventory', {
      registries: [{ cloudMapService: 'inventory', namespace: 'internal-api' }],
    });
    const [endpoint] = buildEndpoints([b.build()]);
    expect(endpoint).toMatchObject({
      id: 'http-api:111122223333:eu-west-1:internal-api:inventory.internal-api',
      mechanism: 'http-api',
      reachableFrom: 'cloud-map-api',
    });
    expect(endpoint.dnsRecords).toBeUndefined();
  });

  it('adds load balancer DNS names', () => {
    const b = scope();
    b.service('web', {
      loadBalancers: [
        {
          targetGroupArn: 'tg',
          containerName: 'app',
          containerPort: 8080,
          dnsName: 'internal-web-1.eu-west-1.elb.amazonaws.com',
        },
      ],
    });
    expect(buildEndpoints([b.build()])).toMatchObject([
      {
        mechanism: 'load-balancer',
        reachableFrom: 'load-balancer',
        name: 'internal-web-1.eu-west-1.elb.amazonaws.com',
      },
    ]);
  });

  it('carries the TLS, timeouts and access logs of a Service Connect entry', () => {
    const b = scope();
    const ca =
      'arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/0a1b2c3d';
    b.service('payments', {
      serviceConnect: {
        namespace: 'sc.local',
        services: [
          {
            portName: 'http',
            clientAliases: [{ dnsName: 'payments', port: 8443 }],
            tls: { certificateAuthorityArn: ca },
            timeout: { idleTimeoutSeconds: 600, perRequestTimeoutSeconds: 30 },
          },
        ],
        accessLog: { format: 'JSON', includeQueryParameters: 'DISABLED' },
        logDriver: 'awslogs',
      },
    });
    b.service('plain', {
      serviceConnect: sc([
        { portName: 'http', clientAliases: [{ dnsName: 'plain', port: 80 }] },
      ]),
    });
    const [payments, plain] = buildEndpoints([b.build()]);
    expect(payments).toMatchObject({
      name: 'payments:8443',
      tls: { certificateAuthorityArn: ca },
      timeout: { idleTimeoutSeconds: 600, perRequestTimeoutSeconds: 30 },
      accessLog: { format: 'JSON', includeQueryParameters: 'DISABLED' },
    });
    expect(plain.tls).toBeUndefined();
    expect(plain.timeout).toBeUndefined();
    expect(plain.accessLog).toBeUndefined();
  });

  it('adds VPC Lattice target groups with the port name they register', () => {
    const b = scope();
    const targetGroupArn =
      'arn:aws:vpc-lattice:eu-west-1:111122223333:targetgroup/tg-0123456789abcdef0';
    b.service('catalog', {
      vpcLattice: [
        {
          portName: 'http',
          targetGroupArn,
          roleArn: 'arn:aws:iam::111122223333:role/ecsInfrastructureRole',
        },
      ],
    });
    expect(buildEndpoints([b.build()])).toEqual([
      {
        id: 'lattice:111122223333:eu-west-1:-:tg-0123456789abcdef0',
        mechanism: 'lattice',
        reachableFrom: 'vpc-lattice',
        name: 'tg-0123456789abcdef0',
        host: 'tg-0123456789abcdef0',
        serviceArn: b.serviceArn('catalog'),
        accountId: '111122223333',
        region: 'eu-west-1',
        portName: 'http',
        targetGroupArn,
      },
    ]);
  });

  it('keeps ids unique when two services claim one name, without picking a winner', () => {
    const b = scope();
    const alias = sc([
      { portName: 'http', clientAliases: [{ dnsName: 'orders', port: 8080 }] },
    ]);
    b.service('orders', { serviceConnect: alias });
    b.service('orders-v2', { serviceConnect: alias, cluster: 'blue' });
    expect(buildEndpoints([b.build()]).map(e => e.id)).toEqual([
      'connect:111122223333:eu-west-1:sc.local:orders:8080@blue/orders-v2',
      'connect:111122223333:eu-west-1:sc.local:orders:8080@main/orders',
    ]);
  });

  it('is deterministic whatever the input order', () => {
    const a = scope('111111111111')
      .namespace('app')
      .cloudMapService('db', 'app');
    a.service('db', {
      registries: [{ cloudMapService: 'db', namespace: 'app' }],
    });
    const c = scope('222222222222');
    c.service('orders', {
      serviceConnect: sc([
        { portName: 'http', clientAliases: [{ dnsName: 'orders', port: 80 }] },
      ]),
    });
    const forward = buildEndpoints([a.build(), c.build()]);
    const backward = buildEndpoints([c.build(), a.build()]);
    expect(backward).toEqual(forward);
    expect(forward.map(e => e.id)).toEqual([
      'connect:222222222222:eu-west-1:sc.local:orders:80',
      'dns:111111111111:eu-west-1:app:db.app',
    ]);
  });
});
