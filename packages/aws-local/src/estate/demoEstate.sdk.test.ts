import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListServicesCommand,
  Service,
} from '@aws-sdk/client-ecs';
import {
  GetServiceCommand,
  ListInstancesCommand,
  ListNamespacesCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { LocalAws, startLocalAws } from '../startLocalAws';
import {
  cloudMapClient,
  Credentials,
  DEMO_KEY,
  ecsClient,
} from '../__testUtils__/clients';

const ACCOUNT_2: Credentials = {
  accessKeyId: 'AKIADEMO222222222222',
  secretAccessKey: 'demo',
};

async function servicesOf(ecs: ECSClient, cluster: string): Promise<Service[]> {
  const { serviceArns } = await ecs.send(
    new ListServicesCommand({ cluster, maxResults: 100 }),
  );
  const out: Service[] = [];
  for (let i = 0; i < serviceArns!.length; i += 10) {
    const { services } = await ecs.send(
      new DescribeServicesCommand({
        cluster,
        services: serviceArns!.slice(i, i + 10),
        include: ['TAGS'],
      }),
    );
    out.push(...services!);
  }
  return out;
}

const tag = (service: Service, key: string) =>
  service.tags?.find(t => t.key === key)?.value;

async function registryTtl(cloudMap: ServiceDiscoveryClient, service: Service) {
  const id = service.serviceRegistries![0].registryArn!.split('/').pop()!;
  const { Service: registry } = await cloudMap.send(
    new GetServiceCommand({ Id: id }),
  );
  return registry!.DnsConfig!.DnsRecords;
}

describe('the demo estate', () => {
  let local: LocalAws;
  const byName = new Map<string, Service>();

  beforeAll(async () => {
    local = await startLocalAws();
    const ecs = ecsClient(local);
    for (const cluster of ['shop', 'web']) {
      for (const service of await servicesOf(ecs, cluster))
        byName.set(service.serviceName!, service);
    }
  });
  afterAll(() => local.close());

  it('runs the shop on Service Connect and the web app on Service Discovery in 111111111111/eu-west-1', () => {
    expect([...byName.keys()].sort()).toEqual([
      'app',
      'inventory-service',
      'legacy-gateway',
      'mysql',
      'nightly-report',
      'order-service',
      'payment-service',
      'product-service',
      'user-service',
    ]);
    for (const [name, service] of byName) {
      const expected = name === 'mysql' ? 1 : 2;
      expect({
        name,
        desired: service.desiredCount,
        running: service.runningCount,
      }).toEqual({
        name,
        desired: expected,
        running: expected,
      });
    }
    expect(byName.get('app')!.loadBalancers![0].targetGroupArn).toMatch(
      /:targetgroup\/web-app\//,
    );
  });

  it('seeds exactly the four deliberate mistakes', async () => {
    const cloudMap = cloudMapClient(local);
    const ecs = ecsClient(local);
    // 1. payment-service: Service Connect portName names no port mapping, so no instances.
    const payment = byName.get('payment-service')!.deployments![0];
    expect(payment.serviceConnectConfiguration!.services![0].portName).toBe(
      'payment-http',
    );
    const { taskDefinition } = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'payment-service' }),
    );
    expect(
      taskDefinition!.containerDefinitions![0].portMappings!.map(p => p.name),
    ).toEqual(['http']);
    const paymentDiscovery = payment
      .serviceConnectResources![0].discoveryArn!.split('/')
      .pop()!;
    expect(
      (
        await cloudMap.send(
          new ListInstancesCommand({ ServiceId: paymentDiscovery }),
        )
      ).Instances,
    ).toEqual([]);
    // 2. mysql: TTL 300, while the other discovery records use 10.
    expect(await registryTtl(cloudMap, byName.get('mysql')!)).toEqual([
      { Type: 'A', TTL: 300 },
    ]);
    expect(
      await registryTtl(cloudMap, byName.get('inventory-service')!),
    ).toEqual([{ Type: 'A', TTL: 10 }]);
    // 3. legacy-gateway: App Mesh.
    const gateway = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'legacy-gateway' }),
    );
    expect(gateway.taskDefinition!.proxyConfiguration!.type).toBe('APPMESH');
    // 4. nightly-report: no owner; everyone else has one.
    const ownerless = [...byName.values()]
      .filter(s => !tag(s, 'owner'))
      .map(s => s.serviceName);
    expect(ownerless).toEqual(['nightly-report']);
  });

  it('registers every other Service Connect service with one instance per task', async () => {
    const cloudMap = cloudMapClient(local);
    for (const name of [
      'user-service',
      'product-service',
      'order-service',
      'inventory-service',
    ]) {
      const resource =
        byName.get(name)!.deployments![0].serviceConnectResources![0];
      const { Instances } = await cloudMap.send(
        new ListInstancesCommand({
          ServiceId: resource.discoveryArn!.split('/').pop()!,
        }),
      );
      expect({ name, instances: Instances!.length }).toEqual({
        name,
        instances: 2,
      });
    }
    expect(byName.get('inventory-service')!.serviceRegistries).toHaveLength(1);
  });

  it('keeps the canary secret where AWS keeps it: in the task definition environment', async () => {
    const { taskDefinition } = await ecsClient(local).send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'order-service' }),
    );
    expect(taskDefinition!.containerDefinitions![0].environment).toEqual(
      expect.arrayContaining([
        { name: 'DB_PASSWORD', value: 'ecsnet-canary-7f3a9b' },
        { name: 'DATABASE_URL', value: 'jdbc:mysql://mysql.app:3306/orders' },
      ]),
    );
  });

  it('has the same sc.local name in us-east-1 as a different namespace, with the same service names', async () => {
    const eu = await cloudMapClient(local).send(new ListNamespacesCommand({}));
    const us = await cloudMapClient(local, { region: 'us-east-1' }).send(
      new ListNamespacesCommand({}),
    );
    const euSc = eu.Namespaces!.find(n => n.Name === 'sc.local')!;
    const usSc = us.Namespaces!.find(n => n.Name === 'sc.local')!;
    expect(usSc.Arn).toMatch(
      /^arn:aws:servicediscovery:us-east-1:111111111111:namespace\/ns-/,
    );
    expect(usSc.Id).not.toBe(euSc.Id);
    const usServices = await servicesOf(
      ecsClient(local, { region: 'us-east-1', credentials: DEMO_KEY }),
      'shop-us',
    );
    expect(usServices.map(s => [s.serviceName, tag(s, 'owner')])).toEqual([
      ['user-service', 'team-identity'],
      ['product-service', 'team-catalog'],
    ]);
  });

  it('runs the data platform in 222222222222', async () => {
    const data = await servicesOf(
      ecsClient(local, { credentials: ACCOUNT_2 }),
      'data',
    );
    expect(data.map(s => s.serviceName)).toEqual([
      'analytics-service',
      'ingest-worker',
      'loyalty-service',
    ]);
    expect(
      await registryTtl(
        cloudMapClient(local, { credentials: ACCOUNT_2 }),
        data[0],
      ),
    ).toEqual([{ Type: 'A', TTL: 10 }]);
    const reporting = await servicesOf(
      ecsClient(local, { credentials: ACCOUNT_2, region: 'us-east-1' }),
      'reporting',
    );
    expect(reporting[0]).toMatchObject({
      serviceName: 'report-service',
      launchType: 'EC2',
      serviceRegistries: [
        { containerName: 'report-service', containerPort: 8080 },
      ],
    });
    expect(
      await registryTtl(
        cloudMapClient(local, { credentials: ACCOUNT_2, region: 'us-east-1' }),
        reporting[0],
      ),
    ).toEqual([{ Type: 'SRV', TTL: 10 }]);
  });

  it('produces the same IDs on every run', async () => {
    const again = await startLocalAws();
    try {
      const first = await cloudMapClient(local).send(
        new ListNamespacesCommand({}),
      );
      const second = await cloudMapClient(again).send(
        new ListNamespacesCommand({}),
      );
      expect(second.Namespaces!.map(n => n.Id)).toEqual(
        first.Namespaces!.map(n => n.Id),
      );
      const ids = async (l: LocalAws) =>
        (await servicesOf(ecsClient(l), 'shop')).map(
          s => s.deployments![0].serviceConnectResources?.[0]?.discoveryArn,
        );
      expect(await ids(again)).toEqual(await ids(local));
    } finally {
      await again.close();
    }
  });
});
