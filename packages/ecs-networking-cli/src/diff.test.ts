import { ECSClient, TagResourceCommand } from '@aws-sdk/client-ecs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAws, startLocalAws } from '@ecs-net/aws-local';
import type { NetworkChange } from '@ecs-net/plugin-ecs-networking-common';
import { localAwsEnv, runCli } from './__testUtils__/cli';

jest.setTimeout(60_000);

const ORDERS = 'arn:aws:ecs:eu-west-1:111111111111:service/shop/order-service';

describe('ecs-networking diff', () => {
  let local: LocalAws;
  let dir: string;
  const env = () => localAwsEnv(local);
  const cli = (...argv: string[]) => runCli(env(), argv);

  /** A scan of the demo's first account in eu-west-1, saved as a pipeline would. */
  async function savedScan(name: string): Promise<string> {
    const { code, out } = await cli('scan', '--format', 'json', '--region', 'eu-west-1');
    expect(code).toBe(0);
    const file = join(dir, name);
    await writeFile(file, out);
    return file;
  }

  beforeAll(async () => {
    local = await startLocalAws();
    Object.assign(process.env, env());
    dir = await mkdtemp(join(tmpdir(), 'ecs-networking-diff-'));
  });
  afterAll(async () => {
    await local.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells what changed between two scans, and nothing between equal ones', async () => {
    const before = await savedScan('before.json');
    const same = await cli('diff', before, await savedScan('same.json'));
    expect(same).toEqual({ code: 0, out: 'No changes.\n', err: '' });

    const ecs = new ECSClient({});
    await ecs.send(new TagResourceCommand({ resourceArn: ORDERS, tags: [{ key: 'owner', value: 'team-checkout' }] }));
    ecs.destroy();
    const after = await savedScan('after.json');

    const table = await cli('diff', before, after);
    expect(table.code).toBe(1);
    expect(table.out).toMatch(/changed\s+service\s+order-service\s+111111111111\/eu-west-1\s+owner team-orders → team-checkout/);

    const json = await cli('diff', '--format', 'json', before, after);
    const { changes }: { changes: NetworkChange[] } = JSON.parse(json.out);
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'service',
        action: 'changed',
        key: ORDERS,
        attributes: [{ name: 'owner', before: 'team-orders', after: 'team-checkout' }],
        entityRefs: ['group:default/team-checkout', 'group:default/team-orders'],
      }),
    ]);
  });

  it('refuses what is not a saved scan, naming the file', async () => {
    const notJson = join(dir, 'not.json');
    await writeFile(notJson, 'hello');
    const other = join(dir, 'other.json');
    await writeFile(other, '{"services": []}');
    expect(await cli('diff', notJson, notJson)).toMatchObject({ code: 2, err: expect.stringContaining(`${notJson} is not JSON`) });
    expect(await cli('diff', other, other)).toMatchObject({
      code: 2,
      err: expect.stringContaining(`${other} is not the output of "ecs-networking scan --format json"`),
    });
    expect(await cli('diff', join(dir, 'missing.json'), other)).toMatchObject({
      code: 2,
      err: expect.stringContaining('cannot read'),
    });
    expect((await cli('diff', other)).code).toBe(2);
  });
});
