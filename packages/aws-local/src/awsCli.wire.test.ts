import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { LocalAws, startLocalAws } from './startLocalAws';

// The official AWS CLI v2 (Debian's awscli package). /root/.pyenv/shims/aws
// on some machines is an unrelated v1, hence the absolute path.
const AWS_CLI = '/usr/bin/aws';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// Each CLI run starts a Python interpreter: seconds, not milliseconds.
jest.setTimeout(60_000);

describe('the official AWS CLI v2 on the wire', () => {
  let local: LocalAws;

  beforeAll(async () => {
    if (!existsSync(AWS_CLI)) {
      throw new Error(
        `${AWS_CLI} is missing: these wire tests need the AWS CLI v2. \`npm test\` at the repository root installs it (Debian package awscli); or run \`apt-get install -y awscli\`.`,
      );
    }
    local = await startLocalAws();
  });
  afterAll(() => local?.close());

  function aws(
    args: string[],
    credentials = { id: 'AKIADEMO111111111111', secret: 'demo', token: '' },
  ): Promise<CliResult> {
    return new Promise(resolve => {
      execFile(
        AWS_CLI,
        [
          '--endpoint-url',
          local.url,
          '--output',
          'json',
          '--no-cli-pager',
          ...args,
        ],
        {
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            AWS_ACCESS_KEY_ID: credentials.id,
            AWS_SECRET_ACCESS_KEY: credentials.secret,
            ...(credentials.token
              ? { AWS_SESSION_TOKEN: credentials.token }
              : {}),
            AWS_DEFAULT_REGION: 'eu-west-1',
            AWS_CONFIG_FILE: '/nonexistent/aws-config',
            AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
          },
          timeout: 30_000,
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number(error.code ?? 1) : 0,
            stdout,
            stderr,
          }),
      );
    });
  }

  async function awsJson(
    args: string[],
    credentials?: Parameters<typeof aws>[1],
  ) {
    const result = await aws(args, credentials);
    if (result.code !== 0)
      throw new Error(
        `aws ${args.join(' ')} failed (${result.code}): ${result.stderr}`,
      );
    return JSON.parse(result.stdout);
  }

  it('lists services, following nextToken across small pages', async () => {
    const { serviceArns } = await awsJson([
      'ecs',
      'list-services',
      '--cluster',
      'shop',
      '--page-size',
      '3',
    ]);
    expect(serviceArns).toHaveLength(7);
    expect(serviceArns).toContain(
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/user-service',
    );
  });

  it('describes services with tags and Service Connect resources', async () => {
    const { services } = await awsJson([
      'ecs',
      'describe-services',
      '--cluster',
      'shop',
      '--services',
      'order-service',
      '--include',
      'TAGS',
    ]);
    expect(services[0].tags).toContainEqual({
      key: 'owner',
      value: 'team-orders',
    });
    expect(
      services[0].deployments[0].serviceConnectResources[0].discoveryName,
    ).toBe('order-service');
  });

  it('reports InvalidParameterException for more than 10 services', async () => {
    const names = Array.from({ length: 11 }, (_, i) => `s${i}`);
    const result = await aws([
      'ecs',
      'describe-services',
      '--cluster',
      'shop',
      '--services',
      ...names,
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      '(InvalidParameterException) when calling the DescribeServices operation',
    );
  });

  it('lists Cloud Map namespaces and instances', async () => {
    const { Namespaces } = await awsJson([
      'servicediscovery',
      'list-namespaces',
    ]);
    expect(Namespaces.map((n: { Name: string }) => n.Name)).toEqual([
      'sc.local',
      'app',
    ]);
    const app = Namespaces.find((n: { Name: string }) => n.Name === 'app');
    const { Services } = await awsJson([
      'servicediscovery',
      'list-services',
      '--filters',
      `Name=NAMESPACE_ID,Values=${app.Id},Condition=EQ`,
    ]);
    const mysql = Services.find((s: { Name: string }) => s.Name === 'mysql');
    expect(mysql.DnsConfig.DnsRecords).toEqual([{ Type: 'A', TTL: 300 }]);
    const { Instances } = await awsJson([
      'servicediscovery',
      'list-instances',
      '--service-id',
      mysql.Id,
    ]);
    expect(Instances[0].Attributes.ECS_SERVICE_NAME).toBe('mysql');
  });

  it('assumes a role into the second account and uses it', async () => {
    const { Credentials } = await awsJson([
      'sts',
      'assume-role',
      '--role-arn',
      'arn:aws:iam::222222222222:role/ecs-networking-reader',
      '--role-session-name',
      'cli',
    ]);
    const session = {
      id: Credentials.AccessKeyId,
      secret: Credentials.SecretAccessKey,
      token: Credentials.SessionToken,
    };
    const identity = await awsJson(['sts', 'get-caller-identity'], session);
    expect(identity.Account).toBe('222222222222');
    const { clusterArns } = await awsJson(['ecs', 'list-clusters'], session);
    expect(clusterArns).toEqual([
      'arn:aws:ecs:eu-west-1:222222222222:cluster/data',
    ]);
  });

  it("finds a service's load balancer DNS name from its target group (ELBv2, awsQuery)", async () => {
    const { services } = await awsJson([
      'ecs',
      'describe-services',
      '--cluster',
      'web',
      '--services',
      'app',
    ]);
    const targetGroupArn = services[0].loadBalancers[0].targetGroupArn;
    const { TargetGroups } = await awsJson([
      'elbv2',
      'describe-target-groups',
      '--target-group-arns',
      targetGroupArn,
    ]);
    expect(TargetGroups[0]).toMatchObject({
      TargetGroupName: 'web-app',
      Port: 8080,
      Protocol: 'HTTP',
    });
    const { LoadBalancers } = await awsJson([
      'elbv2',
      'describe-load-balancers',
      '--load-balancer-arns',
      TargetGroups[0].LoadBalancerArns[0],
    ]);
    expect(LoadBalancers[0]).toMatchObject({
      LoadBalancerName: 'web-alb',
      Scheme: 'internet-facing',
      DNSName: expect.stringMatching(
        /^web-alb-\d{10}\.eu-west-1\.elb\.amazonaws\.com$/,
      ),
    });
  });

  it("round-trips AWS RAM (REST-JSON): the shop's share of sc.local, seen from both accounts", async () => {
    const { resourceShares } = await awsJson([
      'ram',
      'get-resource-shares',
      '--resource-owner',
      'SELF',
    ]);
    expect(resourceShares).toEqual([
      expect.objectContaining({
        name: 'shop-service-connect',
        owningAccountId: '111111111111',
        status: 'ACTIVE',
      }),
    ]);
    const { permissions } = await awsJson([
      'ram',
      'list-resource-share-permissions',
      '--resource-share-arn',
      resourceShares[0].resourceShareArn,
    ]);
    expect(permissions.map((p: { name: string }) => p.name)).toEqual([
      'AWSRAMPermissionCloudMapECSFullPermission',
    ]);
    const partner = { id: 'AKIADEMO222222222222', secret: 'demo', token: '' };
    const { resources } = await awsJson(
      ['ram', 'list-resources', '--resource-owner', 'OTHER-ACCOUNTS'],
      partner,
    );
    expect(resources).toEqual([
      expect.objectContaining({
        type: 'servicediscovery:namespace',
        resourceShareArn: resourceShares[0].resourceShareArn,
      }),
    ]);
    const unknown = await aws(
      [
        'ram',
        'list-resource-share-permissions',
        '--resource-share-arn',
        'arn:aws:ram:eu-west-1:111111111111:resource-share/00000000-0000-4000-8000-000000000000',
      ],
      partner,
    );
    expect(unknown.stderr).toContain('(UnknownResourceException)');
  });

  it('reports an unknown access key as AWS does', async () => {
    const result = await aws(['ecs', 'list-clusters'], {
      id: 'AKIANOBODY0000000000',
      secret: 'x',
      token: '',
    });
    expect(result.stderr).toContain('(UnrecognizedClientException)');
  });
});
