import { lookup } from 'node:dns';
import { Agent } from 'node:http';
import {
  CreateHttpNamespaceCommand,
  CreatePrivateDnsNamespaceCommand,
  CreateServiceCommand,
  DeregisterInstanceCommand,
  DiscoverInstancesCommand,
  GetInstancesHealthStatusCommand,
  GetNamespaceCommand,
  GetOperationCommand,
  ListInstancesCommand,
  ListNamespacesCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  RegisterInstanceCommand,
  ServiceDiscoveryClient,
  TagResourceCommand,
  UpdateInstanceCustomHealthStatusCommand,
} from '@aws-sdk/client-servicediscovery';
import { LocalAws, startLocalAws } from '../startLocalAws';
import {
  cloudMapClient,
  DEMO_KEY,
  SANDBOX_KEY,
  sandboxEstate,
} from '../__testUtils__/clients';

describe('Cloud Map through @aws-sdk/client-servicediscovery', () => {
  let local: LocalAws;
  let cloudMap: ServiceDiscoveryClient;

  beforeEach(async () => {
    local = await startLocalAws({ estate: sandboxEstate() });
    cloudMap = cloudMapClient(local, { credentials: SANDBOX_KEY });
  });
  afterEach(() => local.close());

  async function namespaceId(name: string): Promise<string> {
    const { Namespaces } = await cloudMap.send(
      new ListNamespacesCommand({
        Filters: [{ Name: 'NAME', Values: [name], Condition: 'EQ' }],
      }),
    );
    return Namespaces![0].Id!;
  }

  it('creates namespaces through operations that report SUCCESS with their targets', async () => {
    const { OperationId } = await cloudMap.send(
      new CreateHttpNamespaceCommand({ Name: 'orders.local' }),
    );
    const { Operation } = await cloudMap.send(
      new GetOperationCommand({ OperationId }),
    );
    expect(Operation).toMatchObject({
      Id: OperationId,
      Type: 'CREATE_NAMESPACE',
      Status: 'SUCCESS',
      Targets: { NAMESPACE: expect.stringMatching(/^ns-[a-z2-7]{16}$/) },
    });
    const { Namespace } = await cloudMap.send(
      new GetNamespaceCommand({ Id: Operation!.Targets!.NAMESPACE }),
    );
    expect(Namespace).toMatchObject({
      Name: 'orders.local',
      Type: 'HTTP',
      Arn: `arn:aws:servicediscovery:eu-west-1:123456789012:namespace/${
        Operation!.Targets!.NAMESPACE
      }`,
      Properties: { HttpProperties: { HttpName: 'orders.local' } },
    });
    expect(Namespace!.CreateDate).toBeInstanceOf(Date);

    const privateNs = await cloudMap.send(
      new CreatePrivateDnsNamespaceCommand({
        Name: 'corp.internal',
        Vpc: 'vpc-1',
      }),
    );
    const created = await cloudMap.send(
      new GetOperationCommand({ OperationId: privateNs.OperationId }),
    );
    const { Namespace: dns } = await cloudMap.send(
      new GetNamespaceCommand({ Id: created.Operation!.Targets!.NAMESPACE }),
    );
    expect(dns!.Properties!.DnsProperties!.HostedZoneId).toMatch(
      /^Z[A-Z2-7]+$/,
    );

    await expect(
      cloudMap.send(new CreateHttpNamespaceCommand({ Name: 'orders.local' })),
    ).rejects.toMatchObject({
      name: 'NamespaceAlreadyExists',
      NamespaceId: Operation!.Targets!.NAMESPACE,
    });
  });

  it('filters and pages ListNamespaces', async () => {
    const http = await cloudMap.send(
      new ListNamespacesCommand({
        Filters: [{ Name: 'TYPE', Values: ['HTTP'], Condition: 'EQ' }],
      }),
    );
    expect(http.Namespaces!.map(n => n.Name)).toEqual(['sc.test']);
    const byPrefix = await cloudMap.send(
      new ListNamespacesCommand({
        Filters: [
          { Name: 'HTTP_NAME', Values: ['dns'], Condition: 'BEGINS_WITH' },
        ],
      }),
    );
    expect(byPrefix.Namespaces!.map(n => n.Name)).toEqual(['dns.test']);
    const first = await cloudMap.send(
      new ListNamespacesCommand({ MaxResults: 1 }),
    );
    const second = await cloudMap.send(
      new ListNamespacesCommand({ MaxResults: 1, NextToken: first.NextToken }),
    );
    expect([first.Namespaces![0].Name, second.Namespaces![0].Name]).toEqual([
      'sc.test',
      'dns.test',
    ]);
    expect(second.NextToken).toBeUndefined();
    await expect(
      cloudMap.send(new ListNamespacesCommand({ MaxResults: 101 })),
    ).rejects.toMatchObject({
      name: 'InvalidInput',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers NamespaceNotFound with 404 as the model says', async () => {
    await expect(
      cloudMap.send(new GetNamespaceCommand({ Id: 'ns-doesnotexist0000' })),
    ).rejects.toMatchObject({
      name: 'NamespaceNotFound',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('runs the register / health / discover / deregister cycle of a DNS service', async () => {
    const nsId = await namespaceId('dns.test');
    const { Service } = await cloudMap.send(
      new CreateServiceCommand({
        Name: 'db',
        NamespaceId: nsId,
        DnsConfig: {
          RoutingPolicy: 'MULTIVALUE',
          DnsRecords: [{ Type: 'A', TTL: 10 }],
        },
        HealthCheckCustomConfig: { FailureThreshold: 1 },
      }),
    );
    expect(Service).toMatchObject({
      Type: 'DNS_HTTP',
      NamespaceId: nsId,
      InstanceCount: 0,
    });
    expect(Service!.Arn).toBe(
      `arn:aws:servicediscovery:eu-west-1:123456789012:service/${Service!.Id}`,
    );
    const listed = await cloudMap.send(
      new ListServicesCommand({
        Filters: [{ Name: 'NAMESPACE_ID', Values: [nsId], Condition: 'EQ' }],
      }),
    );
    expect(listed.Services!.map(s => s.Name)).toEqual(['db']);

    await expect(
      cloudMap.send(
        new RegisterInstanceCommand({
          ServiceId: Service!.Id,
          InstanceId: 'i-1',
          Attributes: {},
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidInput' });
    for (const [id, ip] of [
      ['i-1', '10.0.0.1'],
      ['i-2', '10.0.0.2'],
    ]) {
      const { OperationId } = await cloudMap.send(
        new RegisterInstanceCommand({
          ServiceId: Service!.Id,
          InstanceId: id,
          Attributes: { AWS_INSTANCE_IPV4: ip },
        }),
      );
      const { Operation } = await cloudMap.send(
        new GetOperationCommand({ OperationId }),
      );
      expect(Operation).toMatchObject({
        Type: 'REGISTER_INSTANCE',
        Status: 'SUCCESS',
        Targets: { INSTANCE: id, SERVICE: Service!.Id },
      });
    }
    await cloudMap.send(
      new UpdateInstanceCustomHealthStatusCommand({
        ServiceId: Service!.Id,
        InstanceId: 'i-2',
        Status: 'UNHEALTHY',
      }),
    );
    const health = await cloudMap.send(
      new GetInstancesHealthStatusCommand({ ServiceId: Service!.Id }),
    );
    expect(health.Status).toEqual({ 'i-1': 'HEALTHY', 'i-2': 'UNHEALTHY' });

    const discovery = cloudMapClient(local, {
      credentials: SANDBOX_KEY,
      disableHostPrefix: true,
    });
    const healthy = await discovery.send(
      new DiscoverInstancesCommand({
        NamespaceName: 'dns.test',
        ServiceName: 'db',
      }),
    );
    expect(healthy.Instances!.map(i => i.InstanceId)).toEqual(['i-1']);
    const all = await discovery.send(
      new DiscoverInstancesCommand({
        NamespaceName: 'dns.test',
        ServiceName: 'db',
        HealthStatus: 'ALL',
      }),
    );
    expect(all.Instances!.map(i => [i.InstanceId, i.HealthStatus])).toEqual([
      ['i-1', 'HEALTHY'],
      ['i-2', 'UNHEALTHY'],
    ]);

    await cloudMap.send(
      new DeregisterInstanceCommand({
        ServiceId: Service!.Id,
        InstanceId: 'i-1',
      }),
    );
    expect(
      (
        await cloudMap.send(
          new ListInstancesCommand({ ServiceId: Service!.Id }),
        )
      ).Instances!.map(i => i.Id),
    ).toEqual(['i-2']);
    await expect(
      cloudMap.send(
        new DeregisterInstanceCommand({
          ServiceId: Service!.Id,
          InstanceId: 'i-1',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InstanceNotFound' });
  });

  it('rejects DNS records in an HTTP namespace', async () => {
    await expect(
      cloudMap.send(
        new CreateServiceCommand({
          Name: 'x',
          NamespaceId: await namespaceId('sc.test'),
          DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 60 }] },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidInput' });
  });

  it('tags namespaces', async () => {
    const { Namespace } = await cloudMap.send(
      new GetNamespaceCommand({ Id: await namespaceId('sc.test') }),
    );
    await cloudMap.send(
      new TagResourceCommand({
        ResourceARN: Namespace!.Arn,
        Tags: [{ Key: 'owner', Value: 'team-x' }],
      }),
    );
    const { Tags } = await cloudMap.send(
      new ListTagsForResourceCommand({ ResourceARN: Namespace!.Arn }),
    );
    expect(Tags).toEqual([{ Key: 'owner', Value: 'team-x' }]);
  });
});

describe('DiscoverInstances and the data- host prefix', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAws();
  });
  afterAll(() => local.close());

  const query = new DiscoverInstancesCommand({
    NamespaceName: 'app',
    ServiceName: 'mysql',
  });

  function clientFor(endpoint: string, extra: Record<string, unknown> = {}) {
    return new ServiceDiscoveryClient({
      endpoint,
      region: 'eu-west-1',
      credentials: DEMO_KEY,
      maxAttempts: 1,
      ...extra,
    });
  }

  it('is prepended by the SDK to a custom endpoint, so data-127.0.0.1 does not resolve', async () => {
    // ENOTFOUND where a name server answers; EAI_AGAIN where none can be
    // reached (a machine or sandbox without network). Either way the name
    // the SDK asked for is the prefixed one.
    await expect(clientFor(local.url).send(query)).rejects.toThrow(
      /getaddrinfo (ENOTFOUND|EAI_AGAIN) data-127\.0\.0\.1/,
    );
  });

  it('works unmodified once the name data-localhost resolves to the loopback address', async () => {
    // What a `127.0.0.1 data-localhost` line in /etc/hosts does, done in-process.
    const agent = new Agent({
      lookup: (hostname, options, callback) =>
        lookup(
          hostname === 'data-localhost' ? '127.0.0.1' : hostname,
          options,
          callback,
        ),
    });
    const client = clientFor(`http://localhost:${local.port}`, {
      requestHandler: { httpAgent: agent },
    });
    const { Instances } = await client.send(query);
    expect(Instances).toHaveLength(1);
    expect(Instances![0]).toMatchObject({
      NamespaceName: 'app',
      ServiceName: 'mysql',
      HealthStatus: 'HEALTHY',
      Attributes: {
        AWS_INSTANCE_IPV4: expect.stringMatching(/^10\.11\./),
        ECS_SERVICE_NAME: 'mysql',
      },
    });
    agent.destroy();
  });

  it('works with the standard disableHostPrefix client setting', async () => {
    const { Instances } = await clientFor(local.url, {
      disableHostPrefix: true,
    }).send(query);
    expect(Instances).toHaveLength(1);
  });
});
