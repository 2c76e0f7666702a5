import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { LocalAws, startLocalAws } from '@ecs-net/aws-local';
import { localAwsEnv, runCli } from './__testUtils__/cli';
import type { ScanJson } from './scanJson';

jest.setTimeout(60_000);

const ALL_SCOPES = [
  '--region', 'eu-west-1,us-east-1',
  '--account', '111111111111',
  '--account', '222222222222:ecs-networking-reader',
];

describe('ecs-networking CLI against the local endpoint', () => {
  let local: LocalAws;
  const env = () => localAwsEnv(local);

  beforeAll(async () => {
    local = await startLocalAws();
    Object.assign(process.env, env());
  });
  afterAll(() => local.close());

  const cli = (...argv: string[]) => runCli(env(), argv);

  it('scans two accounts × two regions into the documented JSON', async () => {
    const { code, out, err } = await cli('scan', '--format', 'json', ...ALL_SCOPES);
    expect(err).toBe('');
    expect(code).toBe(0);
    const scan: ScanJson = JSON.parse(out);
    expect(scan.schemaVersion).toBe(1);
    const order = scan.services.find(s => s.name === 'order-service')!;
    expect(order).toMatchObject({
      cluster: 'shop',
      account: '111111111111',
      region: 'eu-west-1',
      owner: 'team-orders',
      endpoints: ['order-service:8080'],
    });
    expect(scan.services.filter(s => s.name === 'user-service').map(s => s.region).sort()).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
    // Same findings as the backend API serves for the demo estate.
    expect(scan.findings.map(f => `${f.rule} ${f.subject.name}`).sort()).toEqual([
      'app-mesh-in-use legacy-gateway',
      'dns-ttl-too-high mysql',
      'owner-tag-missing nightly-report',
      'service-connect-port-name payment-service',
    ]);
    const edge = scan.edges.find(e => e.endpoint === 'mysql.app' && e.from === order.arn)!;
    expect(edge.mechanism).toBe('dns');
    expect(edge.evidence).toEqual([
      expect.objectContaining({ kind: 'environment', variable: 'DATABASE_URL' }),
    ]);
    expect(out).not.toContain('ecsnet-canary-7f3a9b');
  });

  it('lint exits 1 on errors, 0 when the threshold is above them', async () => {
    const failing = await cli('lint', '--fail-on', 'error', ...ALL_SCOPES);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain('service-connect-port-name');
    const scoped = await cli('lint', '--region', 'eu-west-1', '--account', '222222222222:ecs-networking-reader');
    expect(scoped.code).toBe(0);
  });

  it('who-owns finds a service by DNS name, Service Connect endpoint and task IP', async () => {
    const dns = await cli('who-owns', 'mysql.app', '--region', 'eu-west-1');
    expect(dns.code).toBe(0);
    expect(dns.out).toMatch(/mysql\s+team-web/);

    const connect = await cli('who-owns', 'user-service:8080', '--region', 'eu-west-1');
    expect(connect.out).toMatch(/user-service\s+team-identity/);

    const ecs = new ECSClient({ region: 'eu-west-1' });
    const { taskArns } = await ecs.send(new ListTasksCommand({ cluster: 'web', serviceName: 'mysql' }));
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: 'web', tasks: taskArns }));
    const ip = tasks![0].attachments![0].details!.find(d => d.name === 'privateIPv4Address')!.value!;
    const byIp = await cli('who-owns', ip, '--region', 'eu-west-1');
    expect(byIp.out).toMatch(/mysql\s+team-web.*\bip\b/);

    const none = await cli('who-owns', 'no-such-thing.app', '--region', 'eu-west-1');
    expect(none.code).toBe(1);
    expect(none.err).toContain('nothing answers');
  });

  it('renders mermaid and dot with every edge labelled by its endpoint', async () => {
    const mermaid = await cli('scan', '--format', 'mermaid', '--region', 'eu-west-1');
    expect(mermaid.out.startsWith('graph LR')).toBe(true);
    expect(mermaid.out).toMatch(/-\.->\|"mysql\.app"\|/);
    expect(mermaid.out).toMatch(/-->\|"user-service:8080"\|/);
    const dot = await cli('scan', '--format', 'dot', '--region', 'eu-west-1');
    expect(dot.out).toContain('digraph ecs_network {');
    expect(dot.out).toContain('[label="mysql.app", style=dashed]');
  });

  it('reports an unreadable account on stderr and exits 2, still printing the rest', async () => {
    local.setFaults({ accessDeniedAccounts: ['222222222222'] });
    try {
      const { code, out, err } = await cli('scan', '--format', 'json', ...ALL_SCOPES);
      expect(code).toBe(2);
      expect(err).toMatch(
        /^ecs-networking: 222222222222\/eu-west-1 ecs:ListClusters failed: HTTP 403 AccessDeniedException, request id [\w-]+: the credentials may not call ecs:ListClusters/m,
      );
      expect(err).toContain('2 of 4 scopes not read (222222222222/eu-west-1, 222222222222/us-east-1)');
      const scan: ScanJson = JSON.parse(out);
      expect(scan.services.some(s => s.name === 'order-service')).toBe(true);
      expect(scan.scopes.filter(s => !s.read).map(s => `${s.account}/${s.region}`)).toEqual([
        '222222222222/eu-west-1',
        '222222222222/us-east-1',
      ]);
    } finally {
      local.setFaults({ accessDeniedAccounts: [] });
    }
  });

  it('rejects bad usage with exit code 2 and the usage text', async () => {
    for (const argv of [
      [],
      ['frobnicate'],
      ['scan', '--format', 'xml'],
      ['scan', '--account', '12ab'],
      // A name every object has must not pass for a severity.
      ['lint', '--fail-on', 'constructor', '--region', 'eu-west-1'],
    ]) {
      const { code, err } = await cli(...argv);
      expect(code).toBe(2);
      expect(err).toContain('Usage: ecs-networking');
    }
  });
});
