import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesByNamespaceCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  GetServiceCommand,
  ListInstancesCommand,
  ListNamespacesCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { generateEstate } from '../estate/generateEstate';
import { LocalAws, startLocalAws } from '../startLocalAws';
import {
  cloudMapClient,
  ecsClient,
  SANDBOX_KEY,
  SANDBOX_SUBNETS,
  sandboxEstate,
} from '../__testUtils__/clients';

const awsvpc = (subnets = SANDBOX_SUBNETS) => ({
  awsvpcConfiguration: { subnets },
});

async function runningIps(
  ecs: ECSClient,
  cluster: string,
  serviceName: string,
): Promise<string[]> {
  const { taskArns } = await ecs.send(
    new ListTasksCommand({ cluster, serviceName }),
  );
  if (!taskArns?.length) return [];
  const { tasks } = await ecs.send(
    new DescribeTasksCommand({ cluster, tasks: taskArns }),
  );
  return tasks!
    .map(t => t.containers![0].networkInterfaces![0].privateIpv4Address!)
    .sort();
}

async function instancesOf(
  cloudMap: ServiceDiscoveryClient,
  serviceId: string,
) {
  const { Instances } = await cloudMap.send(
    new ListInstancesCommand({ ServiceId: serviceId }),
  );
  return Instances ?? [];
}

describe('ECS reads against the demo estate', () => {
  let local: LocalAws;
  let ecs: ECSClient;

  beforeAll(async () => {
    local = await startLocalAws();
    ecs = ecsClient(local);
  });
  afterAll(() => local.close());

  it('lists and describes clusters with their Service Connect default namespace', async () => {
    const { clusterArns } = await ecs.send(new ListClustersCommand({}));
    expect(clusterArns).toEqual([
      'arn:aws:ecs:eu-west-1:111111111111:cluster/shop',
      'arn:aws:ecs:eu-west-1:111111111111:cluster/web',
    ]);
    const { clusters, failures } = await ecs.send(
      new DescribeClustersCommand({
        clusters: ['shop', 'nope'],
        include: ['SETTINGS', 'TAGS'],
      }),
    );
    const { Namespaces } = await cloudMapClient(local).send(
      new ListNamespacesCommand({}),
    );
    const scLocal = Namespaces!.find(ns => ns.Name === 'sc.local')!;
    expect(clusters![0]).toMatchObject({
      clusterName: 'shop',
      status: 'ACTIVE',
      activeServicesCount: 7,
      runningTasksCount: 14,
      serviceConnectDefaults: { namespace: scLocal.Arn },
      settings: [{ name: 'containerInsights', value: 'disabled' }],
      tags: [{ key: 'system', value: 'shop' }],
    });
    expect(failures).toEqual([
      {
        arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/nope',
        reason: 'MISSING',
      },
    ]);
  });

  it('describes services with tags only when asked, and reports unknown ones as MISSING', async () => {
    const plain = await ecs.send(
      new DescribeServicesCommand({
        cluster: 'shop',
        services: ['user-service'],
      }),
    );
    expect(plain.services![0].tags).toBeUndefined();
    const { services, failures } = await ecs.send(
      new DescribeServicesCommand({
        cluster: 'shop',
        services: ['user-service', 'ghost'],
        include: ['TAGS'],
      }),
    );
    expect(services![0].tags).toEqual(
      expect.arrayContaining([
        { key: 'owner', value: 'team-identity' },
        { key: 'component', value: 'user-service' },
      ]),
    );
    expect(services![0].createdAt).toBeInstanceOf(Date);
    expect(failures).toEqual([
      {
        arn: 'arn:aws:ecs:eu-west-1:111111111111:service/shop/ghost',
        reason: 'MISSING',
      },
    ]);
  });

  it('rejects DescribeServices with more than 10 services as AWS does', async () => {
    const names = Array.from({ length: 11 }, (_, i) => `svc-${i}`);
    await expect(
      ecs.send(
        new DescribeServicesCommand({ cluster: 'shop', services: names }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'services can have at most 10 items.',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers ClusterNotFoundException for an unknown cluster', async () => {
    await expect(
      ecs.send(new ListServicesCommand({ cluster: 'nope' })),
    ).rejects.toMatchObject({
      name: 'ClusterNotFoundException',
    });
  });

  it('describes awsvpc tasks with an ENI address from the service subnets', async () => {
    const { taskArns } = await ecs.send(
      new ListTasksCommand({ cluster: 'shop', serviceName: 'order-service' }),
    );
    expect(taskArns).toHaveLength(2);
    const { tasks } = await ecs.send(
      new DescribeTasksCommand({ cluster: 'shop', tasks: taskArns }),
    );
    for (const task of tasks!) {
      const eni = task.attachments!.find(
        a => a.type === 'ElasticNetworkInterface',
      )!;
      const ip = eni.details!.find(d => d.name === 'privateIPv4Address')!
        .value!;
      expect(ip).toMatch(/^10\.11\.[12]\.\d+$/);
      expect(task.containers![0].networkInterfaces![0].privateIpv4Address).toBe(
        ip,
      );
      expect(task).toMatchObject({
        lastStatus: 'RUNNING',
        taskDefinitionArn:
          'arn:aws:ecs:eu-west-1:111111111111:task-definition/order-service:1',
        group: 'service:order-service',
      });
      expect(task.startedAt).toBeInstanceOf(Date);
      // order-service's only container has a health check.
      expect(task.healthStatus).toBe('HEALTHY');
      expect(task.containers![0].healthStatus).toBe('HEALTHY');
    }
    // The two tasks are spread over both subnets, hence both zones.
    expect(new Set(tasks!.map(t => t.availabilityZone))).toEqual(
      new Set(['eu-west-1a', 'eu-west-1b']),
    );
  });

  it('returns task definitions with their tags and the full container definitions', async () => {
    const { taskDefinition, tags } = await ecs.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: 'legacy-gateway',
        include: ['TAGS'],
      }),
    );
    expect(taskDefinition).toMatchObject({
      family: 'legacy-gateway',
      revision: 1,
      networkMode: 'awsvpc',
      proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' },
      // Task-level size as strings, secrets as references, as ECS returns them.
      cpu: '1024',
      memory: '3072',
    });
    expect(taskDefinition!.containerDefinitions!.map(c => c.name)).toEqual([
      'legacy-gateway',
      'envoy',
    ]);
    expect(taskDefinition!.containerDefinitions![0].secrets).toEqual([
      {
        name: 'PARTNER_API_KEY',
        valueFrom:
          'arn:aws:secretsmanager:eu-west-1:111111111111:secret:legacy-gateway/partner-api-key-Xy7Q2p',
      },
      {
        name: 'SIGNING_KEY',
        valueFrom:
          'arn:aws:ssm:eu-west-1:111111111111:parameter/shop/legacy-gateway/signing-key',
      },
    ]);
    expect(tags).toEqual([]);
  });

  it('gives bridge tasks the container instance address and a dynamic host port in the SRV registration', async () => {
    const ecs2 = ecsClient(local, {
      region: 'us-east-1',
      credentials: {
        accessKeyId: 'AKIADEMO222222222222',
        secretAccessKey: 'demo',
      },
    });
    const cloudMap2 = cloudMapClient(local, {
      region: 'us-east-1',
      credentials: {
        accessKeyId: 'AKIADEMO222222222222',
        secretAccessKey: 'demo',
      },
    });
    const { taskArns } = await ecs2.send(
      new ListTasksCommand({ cluster: 'reporting' }),
    );
    const { tasks } = await ecs2.send(
      new DescribeTasksCommand({ cluster: 'reporting', tasks: taskArns }),
    );
    const { services } = await ecs2.send(
      new DescribeServicesCommand({
        cluster: 'reporting',
        services: ['report-service'],
      }),
    );
    const registry = services![0].serviceRegistries![0].registryArn!;
    const instances = await instancesOf(cloudMap2, registry.split('/').pop()!);
    expect(instances).toHaveLength(2);
    for (const task of tasks!) {
      expect(task.attachments).toEqual([]);
      expect(task.containerInstanceArn).toContain(
        ':container-instance/reporting/',
      );
      const binding = task.containers![0].networkBindings![0];
      expect(binding.hostPort).toBeGreaterThanOrEqual(32768);
      const instance = instances.find(i => task.taskArn!.endsWith(i.Id!))!;
      expect(instance.Attributes).toMatchObject({
        AWS_INSTANCE_PORT: String(binding.hostPort),
        ECS_SERVICE_NAME: 'report-service',
        ECS_CLUSTER_NAME: 'reporting',
      });
      expect(instance.Attributes!.AWS_INSTANCE_IPV4).toMatch(
        /^10\.22\.[12]\.\d+$/,
      );
    }
  });
});

describe('ECS paging', () => {
  let local: LocalAws;
  let ecs: ECSClient;

  beforeAll(async () => {
    local = await startLocalAws({
      estate: generateEstate({ services: 25, clusters: 1, seed: 7 }),
    });
    ecs = ecsClient(local, {
      credentials: {
        accessKeyId: 'AKIASYNT300000000001',
        secretAccessKey: 'x',
      },
    });
  });
  afterAll(() => local.close());

  it('pages ListServices 10 at a time by default, like AWS', async () => {
    const first = await ecs.send(
      new ListServicesCommand({ cluster: 'cluster-1' }),
    );
    expect(first.serviceArns).toHaveLength(10);
    expect(first.nextToken).toEqual(expect.any(String));
    const all = [...first.serviceArns!];
    let token = first.nextToken;
    while (token) {
      const next = await ecs.send(
        new ListServicesCommand({ cluster: 'cluster-1', nextToken: token }),
      );
      all.push(...next.serviceArns!);
      token = next.nextToken;
    }
    expect(all).toHaveLength(25);
    expect(new Set(all).size).toBe(25);
  });

  it('returns up to 100 with maxResults 100 and rejects larger pages', async () => {
    const page = await ecs.send(
      new ListServicesCommand({ cluster: 'cluster-1', maxResults: 100 }),
    );
    expect(page.serviceArns).toHaveLength(25);
    expect(page.nextToken).toBeUndefined();
    await expect(
      ecs.send(
        new ListServicesCommand({ cluster: 'cluster-1', maxResults: 101 }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(
      ecs.send(new ListTasksCommand({ cluster: 'cluster-1', maxResults: 500 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('rejects a token from another listing', async () => {
    const first = await ecs.send(
      new ListServicesCommand({ cluster: 'cluster-1' }),
    );
    await expect(
      ecs.send(
        new ListTasksCommand({
          cluster: 'cluster-1',
          nextToken: first.nextToken,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });
});

describe('ECS service lifecycle and validation', () => {
  let local: LocalAws;
  let ecs: ECSClient;
  let cloudMap: ServiceDiscoveryClient;

  beforeEach(async () => {
    local = await startLocalAws({ estate: sandboxEstate() });
    ecs = ecsClient(local, { credentials: SANDBOX_KEY });
    cloudMap = cloudMapClient(local, { credentials: SANDBOX_KEY });
  });
  afterEach(() => local.close());

  const serviceConnect = (portName = 'http') => ({
    enabled: true,
    services: [{ portName, clientAliases: [{ port: 8080, dnsName: 'web' }] }],
  });

  it('requires task-level cpu and memory for Fargate, not for EC2', async () => {
    const register = (requiresCompatibilities: string[], size: { cpu?: string; memory?: string }) =>
      ecs.send(
        new RegisterTaskDefinitionCommand({
          family: 'sized',
          networkMode: 'awsvpc',
          requiresCompatibilities: requiresCompatibilities as ('FARGATE' | 'EC2')[],
          ...size,
          containerDefinitions: [{ name: 'app', image: 'app:1', memory: 512 }],
        }),
      );
    await expect(register(['FARGATE'], { memory: '512' })).rejects.toMatchObject({
      name: 'ClientException',
      message: "Fargate requires that 'cpu' be defined at the task level.",
    });
    await expect(register(['FARGATE'], { cpu: '256' })).rejects.toMatchObject({
      message: "Fargate requires that 'memory' be defined at the task level.",
    });
    const { taskDefinition } = await register(['EC2'], {});
    expect(taskDefinition).not.toHaveProperty('cpu');
    expect(taskDefinition!.containerDefinitions![0].memory).toBe(512);
  });

  it('rejects a Service Connect portName that names no port mapping', async () => {
    await expect(
      ecs.send(
        new CreateServiceCommand({
          cluster: 'sandbox',
          serviceName: 'web',
          taskDefinition: 'web',
          desiredCount: 1,
          networkConfiguration: awsvpc(),
          serviceConnectConfiguration: serviceConnect('web-http'),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining("The portName 'web-http'"),
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('rejects an unknown Service Connect namespace', async () => {
    await expect(
      ecs.send(
        new CreateServiceCommand({
          cluster: 'sandbox',
          serviceName: 'web',
          taskDefinition: 'web',
          networkConfiguration: awsvpc(),
          serviceConnectConfiguration: {
            ...serviceConnect(),
            namespace: 'nope.local',
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'NamespaceNotFoundException' });
  });

  it('rejects Service Connect with no namespace on the service or the cluster', async () => {
    await expect(
      ecs.send(
        new CreateServiceCommand({
          cluster: 'bare',
          serviceName: 'web',
          taskDefinition: 'web',
          networkConfiguration: awsvpc(),
          serviceConnectConfiguration: serviceConnect(),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('no namespace'),
    });
  });

  it('requires a network configuration for awsvpc task definitions and refuses duplicates', async () => {
    await expect(
      ecs.send(
        new CreateServiceCommand({
          cluster: 'sandbox',
          serviceName: 'web',
          taskDefinition: 'web',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message:
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    });
    const create = () =>
      ecs.send(
        new CreateServiceCommand({
          cluster: 'sandbox',
          serviceName: 'web',
          taskDefinition: 'web',
          networkConfiguration: awsvpc(),
        }),
      );
    await create();
    await expect(create()).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Creation of service was not idempotent.',
    });
  });

  it('registers one Cloud Map instance per task for Service Connect and follows scaling', async () => {
    const { service } = await ecs.send(
      new CreateServiceCommand({
        cluster: 'sandbox',
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 2,
        networkConfiguration: awsvpc(),
        serviceConnectConfiguration: serviceConnect(),
      }),
    );
    const deployment = service!.deployments![0];
    expect(deployment.serviceConnectConfiguration!.namespace).toMatch(
      /:namespace\/ns-/,
    );
    expect(deployment.serviceConnectResources).toEqual([
      {
        discoveryName: 'http',
        discoveryArn: expect.stringMatching(/:service\/srv-/),
      },
    ]);
    const discoveryId = deployment
      .serviceConnectResources![0].discoveryArn!.split('/')
      .pop()!;

    const check = async (count: number) => {
      const instances = await instancesOf(cloudMap, discoveryId);
      expect(instances).toHaveLength(count);
      expect(
        instances.map(i => i.Attributes!.AWS_INSTANCE_IPV4).sort(),
      ).toEqual(await runningIps(ecs, 'sandbox', 'web'));
      for (const instance of instances) {
        expect(instance.Attributes).toEqual({
          AWS_INSTANCE_IPV4: expect.stringMatching(/^10\.1\.[12]\.\d+$/),
          AWS_INSTANCE_PORT: '8080',
          AWS_INIT_HEALTH_STATUS: 'HEALTHY',
          AVAILABILITY_ZONE: expect.stringMatching(/^eu-west-1[ab]$/),
          REGION: 'eu-west-1',
          ECS_CLUSTER_NAME: 'sandbox',
          ECS_SERVICE_NAME: 'web',
          ECS_TASK_DEFINITION_FAMILY: 'web',
        });
      }
    };
    await check(2);
    await ecs.send(
      new UpdateServiceCommand({
        cluster: 'sandbox',
        service: 'web',
        desiredCount: 4,
      }),
    );
    await check(4);
    await ecs.send(
      new UpdateServiceCommand({
        cluster: 'sandbox',
        service: 'web',
        desiredCount: 1,
      }),
    );
    await check(1);

    const { serviceArns } = await ecs.send(
      new ListServicesByNamespaceCommand({ namespace: 'sc.test' }),
    );
    expect(serviceArns).toEqual([service!.serviceArn]);
  });

  it('reports task health from the essential containers\' health checks, UNKNOWN without one', async () => {
    const healthOf = async (family: string, checks: Array<string | undefined>) => {
      await ecs.send(
        new RegisterTaskDefinitionCommand({
          family,
          networkMode: 'awsvpc',
          containerDefinitions: checks.map((check, i) => ({
            name: `c${i}`,
            image: 'app:1',
            essential: i === 0,
            healthCheck: check ? { command: ['CMD-SHELL', check] } : undefined,
          })),
        }),
      );
      await ecs.send(
        new CreateServiceCommand({
          cluster: 'sandbox',
          serviceName: family,
          taskDefinition: family,
          desiredCount: 1,
          networkConfiguration: awsvpc(),
        }),
      );
      const { taskArns } = await ecs.send(
        new ListTasksCommand({ cluster: 'sandbox', serviceName: family }),
      );
      const { tasks } = await ecs.send(
        new DescribeTasksCommand({ cluster: 'sandbox', tasks: taskArns }),
      );
      return [tasks![0].healthStatus, ...tasks![0].containers!.map(c => c.healthStatus)];
    };
    // `exit 1` is the endpoint's stand-in for a check that fails.
    expect(await healthOf('failing', ['exit 1'])).toEqual(['UNHEALTHY', 'UNHEALTHY']);
    // A sidecar that is not essential does not decide the task's health.
    expect(await healthOf('checked', ['curl -f localhost || exit 1', 'exit 1'])).toEqual([
      'HEALTHY',
      'HEALTHY',
      'UNHEALTHY',
    ]);
    expect(await healthOf('unchecked', [undefined])).toEqual(['UNKNOWN', 'UNKNOWN']);
  });

  it('starts a new deployment with new tasks when the task definition changes', async () => {
    const { service } = await ecs.send(
      new CreateServiceCommand({
        cluster: 'sandbox',
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 2,
        networkConfiguration: awsvpc(),
        serviceConnectConfiguration: serviceConnect(),
      }),
    );
    const before = await ecs.send(
      new ListTasksCommand({ cluster: 'sandbox', serviceName: 'web' }),
    );
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        networkMode: 'awsvpc',
        containerDefinitions: [
          {
            name: 'web',
            image: 'web:2',
            portMappings: [{ name: 'http', containerPort: 9090 }],
          },
        ],
      }),
    );
    const { service: updated } = await ecs.send(
      new UpdateServiceCommand({
        cluster: 'sandbox',
        service: 'web',
        taskDefinition: 'web',
      }),
    );
    expect(updated!.taskDefinition).toMatch(/task-definition\/web:2$/);
    expect(updated!.deployments).toHaveLength(1);
    expect(updated!.deployments![0].id).not.toBe(service!.deployments![0].id);
    const after = await ecs.send(
      new ListTasksCommand({ cluster: 'sandbox', serviceName: 'web' }),
    );
    expect(after.taskArns).toHaveLength(2);
    expect(
      after.taskArns!.filter(arn => before.taskArns!.includes(arn)),
    ).toEqual([]);
    const stopped = await ecs.send(
      new ListTasksCommand({ cluster: 'sandbox', desiredStatus: 'STOPPED' }),
    );
    expect(stopped.taskArns!.sort()).toEqual(before.taskArns!.sort());
    const discoveryId = updated!
      .deployments![0].serviceConnectResources![0].discoveryArn!.split('/')
      .pop()!;
    const instances = await instancesOf(cloudMap, discoveryId);
    expect(instances.map(i => i.Attributes!.AWS_INSTANCE_PORT)).toEqual([
      '9090',
      '9090',
    ]);
  });

  it('deletes a service only when scaled to zero or forced, and removes its Service Connect registrations', async () => {
    const { service } = await ecs.send(
      new CreateServiceCommand({
        cluster: 'sandbox',
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 2,
        networkConfiguration: awsvpc(),
        serviceConnectConfiguration: serviceConnect(),
      }),
    );
    await expect(
      ecs.send(
        new DeleteServiceCommand({ cluster: 'sandbox', service: 'web' }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    const { service: deleted } = await ecs.send(
      new DeleteServiceCommand({
        cluster: 'sandbox',
        service: 'web',
        force: true,
      }),
    );
    expect(deleted!.status).toBe('DRAINING');
    const discoveryId = service!
      .deployments![0].serviceConnectResources![0].discoveryArn!.split('/')
      .pop()!;
    await expect(
      cloudMap.send(new GetServiceCommand({ Id: discoveryId })),
    ).rejects.toMatchObject({
      name: 'ServiceNotFound',
      $metadata: { httpStatusCode: 404 },
    });
    expect(
      (await ecs.send(new ListServicesCommand({ cluster: 'sandbox' })))
        .serviceArns,
    ).toEqual([]);
    const { services } = await ecs.send(
      new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] }),
    );
    expect(services![0].status).toBe('INACTIVE');
  });

  it('places no task once the subnets run out of addresses, and says so in the service events', async () => {
    // A /28 has 16 addresses, of which AWS reserves 5.
    const { service } = await ecs.send(
      new CreateServiceCommand({
        cluster: 'sandbox',
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 13,
        networkConfiguration: awsvpc([SANDBOX_SUBNETS[0]]),
      }),
    );
    expect(service!.runningCount).toBe(11);
    expect(service!.events!.map(e => e.message).join('\n')).toContain(
      'no free IP addresses',
    );
  });

  it('tags and untags services', async () => {
    const { service } = await ecs.send(
      new CreateServiceCommand({
        cluster: 'sandbox',
        serviceName: 'web',
        taskDefinition: 'web',
        networkConfiguration: awsvpc(),
        tags: [{ key: 'owner', value: 'team-a' }],
      }),
    );
    const arn = service!.serviceArn!;
    await ecs.send(
      new TagResourceCommand({
        resourceArn: arn,
        tags: [
          { key: 'owner', value: 'team-b' },
          { key: 'tier', value: '1' },
        ],
      }),
    );
    await ecs.send(
      new UntagResourceCommand({ resourceArn: arn, tagKeys: ['tier'] }),
    );
    expect(
      (await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn })))
        .tags,
    ).toEqual([{ key: 'owner', value: 'team-b' }]);
    await expect(
      ecs.send(
        new ListTagsForResourceCommand({
          resourceArn: arn.replace('/web', '/ghost'),
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
