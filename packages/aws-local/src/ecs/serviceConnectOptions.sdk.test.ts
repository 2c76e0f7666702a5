import {
  CreateServiceCommand,
  CreateServiceCommandInput,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { LocalAws, startLocalAws } from '../startLocalAws';
import {
  ecsClient,
  SANDBOX_ACCOUNT,
  SANDBOX_KEY,
  SANDBOX_SUBNETS,
  sandboxEstate,
} from '../__testUtils__/clients';

const CA = `arn:aws:acm-pca:eu-west-1:${SANDBOX_ACCOUNT}:certificate-authority/0a1b2c3d-1111-2222-3333-444455556666`;
const ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT}:role/ecsInfrastructureRole`;
const TARGET_GROUP = `arn:aws:vpc-lattice:eu-west-1:${SANDBOX_ACCOUNT}:targetgroup/tg-0123456789abcdef0`;

const base = (
  extra: Partial<CreateServiceCommandInput>,
): CreateServiceCommandInput => ({
  cluster: 'sandbox',
  serviceName: 'web',
  taskDefinition: 'web',
  desiredCount: 1,
  launchType: 'FARGATE',
  networkConfiguration: { awsvpcConfiguration: { subnets: SANDBOX_SUBNETS } },
  ...extra,
});

const entry = (extra: object = {}) => ({
  portName: 'http',
  clientAliases: [{ port: 8443, dnsName: 'web' }],
  ...extra,
});

describe('Service Connect TLS, timeouts, access logs and VPC Lattice on the wire', () => {
  let local: LocalAws;
  let ecs: ECSClient;

  beforeEach(async () => {
    local = await startLocalAws({ port: 0, estate: sandboxEstate() });
    ecs = ecsClient(local, { credentials: SANDBOX_KEY });
  });
  afterEach(async () => {
    ecs.destroy();
    await local.close();
  });

  const describe1 = async () =>
    (
      await ecs.send(
        new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] }),
      )
    ).services![0];

  it('stores and returns each new member as given, on the deployment', async () => {
    const serviceConnectConfiguration = {
      enabled: true,
      services: [
        entry({
          tls: {
            issuerCertificateAuthority: { awsPcaAuthorityArn: CA },
            roleArn: ROLE,
          },
          timeout: { idleTimeoutSeconds: 600, perRequestTimeoutSeconds: 30 },
        }),
      ],
      logConfiguration: {
        logDriver: 'awslogs' as const,
        options: { 'awslogs-group': '/ecs/web' },
      },
      accessLogConfiguration: {
        format: 'JSON' as const,
        includeQueryParameters: 'DISABLED' as const,
      },
    };
    const vpcLatticeConfigurations = [
      { roleArn: ROLE, targetGroupArn: TARGET_GROUP, portName: 'http' },
    ];
    await ecs.send(
      new CreateServiceCommand(
        base({ serviceConnectConfiguration, vpcLatticeConfigurations }),
      ),
    );
    const [deployment] = (await describe1()).deployments!;
    expect(deployment.serviceConnectConfiguration).toMatchObject({
      ...serviceConnectConfiguration,
      namespace: expect.stringMatching(/^arn:aws:servicediscovery:/),
    });
    expect(deployment.vpcLatticeConfigurations).toEqual(
      vpcLatticeConfigurations,
    );

    // A new task definition keeps them, and must still name Lattice's port.
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        networkMode: 'awsvpc',
        containerDefinitions: [
          {
            name: 'web',
            image: 'web:2',
            portMappings: [{ name: 'web', containerPort: 8080 }],
          },
        ],
      }),
    );
    await expect(
      ecs.send(
        new UpdateServiceCommand({
          cluster: 'sandbox',
          service: 'web',
          taskDefinition: 'web:2',
          serviceConnectConfiguration: {
            enabled: true,
            services: [entry({ portName: 'web' })],
          },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining(
        "portName 'http' in vpcLatticeConfigurations[0]",
      ),
    });
    expect((await describe1()).deployments![0].vpcLatticeConfigurations).toEqual(
      vpcLatticeConfigurations,
    );
  });

  it.each([
    [
      'TLS without its certificate authority',
      { services: [entry({ tls: { kmsKey: 'alias/sc' } })] },
      'tls.issuerCertificateAuthority must be specified',
    ],
    [
      'a TLS authority that is not a Private CA ARN',
      {
        services: [
          entry({
            tls: {
              issuerCertificateAuthority: { awsPcaAuthorityArn: 'my-ca' },
            },
          }),
        ],
      },
      'awsPcaAuthorityArn must be the ARN',
    ],
    [
      'a negative timeout',
      { services: [entry({ timeout: { idleTimeoutSeconds: -1 } })] },
      'timeout.idleTimeoutSeconds must be an integer',
    ],
    [
      'an unknown access log format',
      {
        services: [entry()],
        logConfiguration: { logDriver: 'awslogs' },
        accessLogConfiguration: { format: 'XML' },
      },
      'accessLogConfiguration.format must be one of: TEXT, JSON',
    ],
    [
      'access logs without a logConfiguration',
      { services: [entry()], accessLogConfiguration: { format: 'TEXT' } },
      'logConfiguration must be specified to enable access logs',
    ],
  ])('refuses %s', async (_what, config, message) => {
    await expect(
      ecs.send(
        new CreateServiceCommand(
          base({
            serviceConnectConfiguration: { enabled: true, ...config } as never,
          }),
        ),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining(message),
    });
  });

  it.each([
    [
      'a port name no port mapping carries',
      { roleArn: ROLE, targetGroupArn: TARGET_GROUP, portName: 'grpc' },
      "The portName 'grpc' in vpcLatticeConfigurations[0] does not match",
    ],
    [
      'a target group that is not a Lattice one',
      {
        roleArn: ROLE,
        targetGroupArn: `arn:aws:elasticloadbalancing:eu-west-1:${SANDBOX_ACCOUNT}:targetgroup/web/0123456789abcdef`,
        portName: 'http',
      },
      'is not a valid VPC Lattice target group ARN',
    ],
    [
      'a missing role',
      { targetGroupArn: TARGET_GROUP, portName: 'http' },
      'vpcLatticeConfigurations[0].roleArn must be specified',
    ],
  ])('refuses a Lattice configuration with %s', async (_what, lattice, message) => {
    await expect(
      ecs.send(
        new CreateServiceCommand(
          base({ vpcLatticeConfigurations: [lattice as never] }),
        ),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining(message),
    });
  });
});
