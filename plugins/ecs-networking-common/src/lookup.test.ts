import { analyzeNetwork } from './analyze';
import { createLookupIndex } from './lookup';
import { scope } from './testing';

describe('createLookupIndex', () => {
  const b = scope()
    .namespace('sc.local', 'HTTP')
    .namespace('app')
    .cloudMapService('mysql', 'app', {
      instances: [{ id: 'task-1', ipv4: '10.0.2.7', port: 3306 }],
    });
  b.service('orders', {
    cluster: 'shop',
    serviceConnect: {
      namespace: 'sc.local',
      services: [
        {
          portName: 'http',
          discoveryName: 'orders-api',
          clientAliases: [{ dnsName: 'orders', port: 8080 }],
        },
      ],
    },
    taskIps: ['10.0.1.5', '10.0.1.6'],
  });
  b.service('mysql', {
    registries: [
      {
        cloudMapService: 'mysql',
        namespace: 'app',
        containerName: 'app',
        containerPort: 3306,
      },
    ],
    containers: [{ ports: [{ containerPort: 3306 }] }],
  });
  const snapshot = b.build();
  const model = analyzeNetwork([snapshot]);
  const index = createLookupIndex(model, [snapshot]);
  const find = (query: string) =>
    index
      .lookup(query)
      .map(m => [m.service.name, m.matchedBy, m.endpoint?.name]);

  it('finds a Service Connect endpoint by name:port or short name', () => {
    expect(find('orders:8080')).toEqual([
      ['orders', 'endpoint', 'orders:8080'],
    ]);
    expect(find('http://orders:8080/api')).toEqual([
      ['orders', 'endpoint', 'orders:8080'],
    ]);
    expect(find('orders:9999')).toEqual([]);
    expect(find('orders')).toEqual([
      ['orders', 'endpoint', 'orders:8080'],
      ['orders', 'service-name', undefined],
    ]);
  });

  it('finds a DNS name with or without trailing dot and port', () => {
    for (const query of ['mysql.app', 'MYSQL.app.', 'mysql.app:3306']) {
      expect(find(query)).toEqual([['mysql', 'dns-name', 'mysql.app']]);
    }
    expect(find('mysql.application')).toEqual([]);
  });

  it('finds a Cloud Map service or discovery name', () => {
    expect(find('orders-api')).toEqual([
      ['orders', 'cloud-map-service', 'orders:8080'],
    ]);
    expect(find('mysql')).toEqual([
      ['mysql', 'cloud-map-service', 'mysql.app'],
      ['mysql', 'service-name', undefined],
    ]);
  });

  it('finds a task by private IP, from tasks and Cloud Map instances', () => {
    expect(find('10.0.1.6')).toEqual([['orders', 'ip', undefined]]);
    expect(find('10.0.2.7')).toEqual([['mysql', 'ip', undefined]]);
    expect(find('10.9.9.9')).toEqual([]);
  });

  it('finds services by service, task definition, cluster and Cloud Map ARNs', () => {
    expect(find(b.serviceArn('orders', 'shop'))).toEqual([
      ['orders', 'arn', undefined],
    ]);
    expect(find('arn:aws:ecs:eu-west-1:111122223333:service/orders')).toEqual([
      ['orders', 'arn', undefined],
    ]);
    expect(find(b.taskDefinitionArn('mysql'))).toEqual([
      ['mysql', 'arn', undefined],
    ]);
    expect(
      find('arn:aws:ecs:eu-west-1:111122223333:task-definition/mysql'),
    ).toEqual([['mysql', 'arn', undefined]]);
    expect(find(b.clusterArn('shop'))).toEqual([['orders', 'arn', undefined]]);
    expect(find(b.cloudMapServiceArn('mysql', 'app'))).toEqual([
      ['mysql', 'arn', 'mysql.app'],
    ]);
  });

  it('finds a service by name or cluster/name', () => {
    expect(find('shop/orders')).toEqual([
      ['orders', 'service-name', undefined],
    ]);
    expect(find('  ')).toEqual([]);
  });

  it('keeps IPs out of the model it was built from', () => {
    expect(JSON.stringify(model)).not.toMatch(/10\.0\.[12]\./);
  });
});
