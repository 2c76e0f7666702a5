import { execFile, execFileSync } from 'node:child_process';
import { LocalAws, startLocalAws } from './startLocalAws';

// Service Connect TLS, timeouts and access logs and VPC Lattice came to ECS
// in 2024-2025. Debian's AWS CLI v2 (2.9.19, /usr/bin/aws) predates them: it
// refuses them on input ("Unknown parameter") and drops them from what it
// prints. These tests need a CLI whose models know them: AWS_CLI, or the
// `aws` found on PATH (botocore 1.35 or later).
const CANDIDATES = [process.env.AWS_CLI, 'aws'].filter((c): c is string => !!c);

const ENV = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_ACCESS_KEY_ID: 'AKIADEMO111111111111',
  AWS_SECRET_ACCESS_KEY: 'demo',
  AWS_DEFAULT_REGION: 'eu-west-1',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
};

/** The first CLI whose ECS model has `vpcLatticeConfigurations`. */
function recentCli(): string | undefined {
  return CANDIDATES.find(cli => {
    try {
      return execFileSync(
        cli,
        ['ecs', 'create-service', '--generate-cli-skeleton', 'input'],
        {
          env: ENV,
          encoding: 'utf8',
          timeout: 30_000,
        },
      ).includes('vpcLatticeConfigurations');
    } catch {
      return false;
    }
  });
}

const cli = recentCli();
jest.setTimeout(60_000);

(cli ? describe : describe.skip)(
  `the AWS CLI with current ECS models (${cli ?? 'none found'}) on the wire`,
  () => {
    let local: LocalAws;
    beforeAll(async () => {
      local = await startLocalAws();
    });
    afterAll(() => local?.close());

    function aws(
      args: string[],
    ): Promise<{ code: number; stdout: string; stderr: string }> {
      return new Promise(resolve => {
        execFile(
          cli!,
          ['--endpoint-url', local.url, '--output', 'json', ...args],
          { env: ENV, timeout: 30_000 },
          (error, stdout, stderr) =>
            resolve({
              code: error ? Number(error.code ?? 1) : 0,
              stdout,
              stderr,
            }),
        );
      });
    }

    const serviceConnect = {
      enabled: true,
      namespace: 'sc.local',
      services: [
        {
          portName: 'http',
          discoveryName: 'cli-roundtrip',
          clientAliases: [{ port: 8080, dnsName: 'cli-roundtrip' }],
          timeout: { idleTimeoutSeconds: 300, perRequestTimeoutSeconds: 15 },
          tls: {
            issuerCertificateAuthority: {
              awsPcaAuthorityArn:
                'arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/0a11e1a0-0000-4000-8000-00000000ca01',
            },
            kmsKey:
              'arn:aws:kms:eu-west-1:111111111111:key/0a11e1a0-0000-4000-8000-0000000000k1',
            roleArn:
              'arn:aws:iam::111111111111:role/ecsInfrastructureRoleForServiceConnectTls',
          },
        },
      ],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/shop/sc',
          'awslogs-region': 'eu-west-1',
          'awslogs-stream-prefix': 'cli',
        },
      },
      accessLogConfiguration: {
        format: 'TEXT',
        includeQueryParameters: 'ENABLED',
      },
    };
    const lattice = [
      {
        roleArn:
          'arn:aws:iam::111111111111:role/ecsInfrastructureRoleForVpcLattice',
        targetGroupArn:
          'arn:aws:vpc-lattice:eu-west-1:111111111111:targetgroup/tg-0a11e1a0000000c02',
        portName: 'http',
      },
    ];
    const request = (name: string, sc: object) =>
      JSON.stringify({
        cluster: 'shop',
        serviceName: name,
        taskDefinition: 'product-service',
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: { subnets: ['subnet-0a11e1a0000000001'] },
        },
        serviceConnectConfiguration: sc,
        vpcLatticeConfigurations: lattice,
      });

    it('creates a service with TLS, timeouts, access logs and Lattice, and describes them back as sent', async () => {
      const created = await aws([
        'ecs',
        'create-service',
        '--cli-input-json',
        request('cli-roundtrip', serviceConnect),
      ]);
      expect(created.stderr).toBe('');
      const described = await aws([
        'ecs',
        'describe-services',
        '--cluster',
        'shop',
        '--services',
        'cli-roundtrip',
      ]);
      const [deployment] = JSON.parse(described.stdout).services[0].deployments;
      const [service] = deployment.serviceConnectConfiguration.services;
      expect(service.timeout).toEqual(serviceConnect.services[0].timeout);
      expect(service.tls).toEqual(serviceConnect.services[0].tls);
      expect(
        deployment.serviceConnectConfiguration.accessLogConfiguration,
      ).toEqual(serviceConnect.accessLogConfiguration);
      expect(deployment.vpcLatticeConfigurations).toEqual(lattice);
    });

    it('refuses access logs without a logConfiguration, as ECS does', async () => {
      const { logConfiguration, ...withoutLogs } = serviceConnect;
      const result = await aws([
        'ecs',
        'create-service',
        '--cli-input-json',
        request('cli-no-logs', withoutLogs),
      ]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(
        '(InvalidParameterException) when calling the CreateService operation: serviceConnectConfiguration.logConfiguration must be specified to enable access logs.',
      );
    });
  },
);
