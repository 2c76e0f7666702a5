import { LocalAws, startLocalAws } from '@ecs-net/aws-local';
import { localAwsEnv, runCli } from './__testUtils__/cli';

jest.setTimeout(60_000);

const SCOPES = ['--region', 'eu-west-1', '--account', '111111111111', '--account', '222222222222:ecs-networking-reader'];

describe('ecs-networking blast-radius', () => {
  let local: LocalAws;
  const env = () => localAwsEnv(local);
  const cli = (...argv: string[]) => runCli(env(), argv);

  beforeAll(async () => {
    local = await startLocalAws();
    Object.assign(process.env, env());
  });
  afterAll(() => local.close());

  it("lists a service's callers by hop, across accounts, with the owners to page", async () => {
    const { code, out, err } = await cli('blast-radius', 'user-service', '--hops', '1', ...SCOPES);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Callers of user-service (111111111111/eu-west-1), up to 1 hop(s):');
    expect(out).toMatch(/1\s+loyalty-service\s+group:default\/team-loyalty\s+222222222222\/eu-west-1\s+user-service:8080 → user-service \(connect\)/);
    expect(out).toMatch(/1\s+order-service\s+group:default\/team-orders\s+111111111111\/eu-west-1/);
    expect(out).toContain('Owners: group:default/team-loyalty, group:default/team-orders');
  });

  it("starts from an endpoint's own callers, and follows --hops", async () => {
    const one = await cli('blast-radius', 'mysql.app', '--hops', '1', ...SCOPES);
    const two = await cli('blast-radius', 'mysql.app', '--hops', '2', ...SCOPES);
    const rows = (out: string) => out.split('\n').filter(line => /^\d\s/.test(line)).map(line => line.split(/\s+/).slice(0, 2).join(' '));
    expect(rows(one.out)).toEqual(['1 app', '1 order-service']);
    expect(rows(two.out)).toEqual(['1 app', '1 order-service', '2 legacy-gateway', '2 payment-service']);
  });

  it('refuses a bad --hops and says when nothing answers', async () => {
    expect(await cli('blast-radius', 'user-service', '--hops', '0', ...SCOPES)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--hops 0: expected a whole number from 1 to 5'),
    });
    expect(await cli('blast-radius', 'nothing.here', ...SCOPES)).toMatchObject({
      code: 1,
      err: expect.stringContaining('nothing answers on "nothing.here"'),
    });
  });
});
