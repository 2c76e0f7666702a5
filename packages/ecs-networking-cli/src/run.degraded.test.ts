import { LocalAws, startLocalAws } from '@ecs-net/aws-local';
import { localAwsEnv, runCli } from './__testUtils__/cli';
import type { ScanJson } from './scanJson';

jest.setTimeout(60_000);

const DEMO_SCOPE = ['--region', 'eu-west-1', '--account', '111111111111'];

/**
 * The CLI against an endpoint that is not quite AWS: what it still prints,
 * what it says on stderr, and the exit code a pipeline acts on.
 */
describe('ecs-networking CLI when an account × region reads badly', () => {
  let local: LocalAws;
  let normal: ScanJson;
  const env = () => localAwsEnv(local);

  const cli = (...argv: string[]) => runCli(env(), argv);

  /** The scan without what the read says about itself. */
  function network(scan: ScanJson) {
    const { scopes, ...rest } = scan;
    return rest;
  }

  beforeAll(async () => {
    local = await startLocalAws();
    Object.assign(process.env, env());
    normal = JSON.parse((await cli('scan', '--format', 'json', ...DEMO_SCOPE)).out);
  });
  afterEach(() =>
    local.setFaults({
      htmlErrorOperations: [],
      ignoreFilterOperations: [],
      accessDeniedAccounts: [],
    }),
  );
  afterAll(() => local.close());

  it('scans the demo with traffic evidence and nothing on stderr when the endpoint is AWS-like', async () => {
    const { code, err } = await cli('scan', '--format', 'json', ...DEMO_SCOPE);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(normal.edges.some(e => e.evidence.some(ev => ev.kind === 'metrics'))).toBe(true);
  });

  it('scans everything but the traffic evidence when CloudWatch answers HTML, and exits 0', async () => {
    local.setFaults({ htmlErrorOperations: ['cloudwatch:ListMetrics'] });
    const { code, out, err } = await cli('scan', '--format', 'json', ...DEMO_SCOPE);
    expect(code).toBe(0);
    expect(err).toMatch(
      /^ecs-networking: 111111111111\/eu-west-1: metrics unavailable: cloudwatch:ListMetrics failed: HTTP 500 non-AWS response/m,
    );
    const scan: ScanJson = JSON.parse(out);
    const withoutMetrics = normal.edges
      .map(e => ({ ...e, evidence: e.evidence.filter(ev => ev.kind !== 'metrics') }))
      .filter(e => e.evidence.length > 0);
    expect(scan.services).toEqual(normal.services);
    expect(scan.findings).toEqual(normal.findings);
    expect(scan.edges).toEqual(withoutMetrics);
    expect(scan.scopes[0]).toMatchObject({ read: true, skipped: [expect.stringMatching(/^metrics unavailable/)] });
  });

  it('scans the same network when Cloud Map ignores the namespace filter', async () => {
    local.setFaults({ ignoreFilterOperations: ['servicediscovery:ListServices'] });
    const { code, out, err } = await cli('scan', '--format', 'json', ...DEMO_SCOPE);
    expect(code).toBe(0);
    expect(err).toContain('its NAMESPACE_ID filter was ignored');
    expect(network(JSON.parse(out))).toEqual(network(normal));
  });

  it('reads no enrichment it is told to skip', async () => {
    local.resetCalls();
    const { code, out, err } = await cli(
      'scan', '--format', 'json', '--skip', 'metrics,load-balancers', ...DEMO_SCOPE,
    );
    expect(code).toBe(0);
    expect(err).toContain('metrics unavailable: turned off');
    expect(err).toContain('load-balancers unavailable: turned off');
    const called = new Set(local.calls().map(c => c.operation));
    expect(called.has('ListMetrics')).toBe(false);
    expect(called.has('DescribeTargetGroups')).toBe(false);
    // The load balancer's DNS name is an endpoint only when it was read.
    const arns = (scan: ScanJson) => scan.services.map(service => service.arn);
    expect(arns(JSON.parse(out))).toEqual(arns(normal));
  });

  it('refuses an unknown enrichment', async () => {
    const { code, err } = await cli('scan', '--skip', 'traces', ...DEMO_SCOPE);
    expect(code).toBe(2);
    expect(err).toContain('--skip traces: expected metrics, load-balancers, cloud-map-health, cloud-map-revision, ram-shares');
  });

  it('lint says what it could not lint and exits 2, never "No findings"', async () => {
    local.setFaults({ htmlErrorOperations: ['ecs:ListClusters'] });
    const { code, out, err } = await cli('lint', '--fail-on', 'info', ...DEMO_SCOPE);
    expect(code).toBe(2);
    expect(out).not.toContain('No findings');
    expect(err).toMatch(
      /^ecs-networking: 111111111111\/eu-west-1 ecs:ListClusters failed: HTTP 500 non-AWS response: /m,
    );
    expect(err).toContain('could not lint 111111111111/eu-west-1: not read');
    expect(err).not.toContain('Deserialization error');
  });

  it('who-owns says its answer may be incomplete and exits 2', async () => {
    local.setFaults({ accessDeniedAccounts: ['222222222222'] });
    const scopes = ['--region', 'eu-west-1', '--account', '111111111111', '--account', '222222222222:ecs-networking-reader'];
    const found = await cli('who-owns', 'mysql.app', ...scopes);
    expect(found.code).toBe(2);
    expect(found.out).toMatch(/mysql\s+team-web/);
    expect(found.err).toContain('the answer may be incomplete: 222222222222/eu-west-1 could not be read');

    const missing = await cli('who-owns', 'no-such-thing.app', ...scopes);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nothing answers on "no-such-thing.app" in what was read; the answer may be incomplete');
  });
});
