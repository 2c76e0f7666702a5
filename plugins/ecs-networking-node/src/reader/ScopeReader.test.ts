import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { generateEstate, LocalAws, startLocalAwsForSdk, syntheticAwsConfig } from '@ecs-net/aws-local';
import { ScopeReader } from './ScopeReader';

jest.setTimeout(30_000);

const ACCOUNT = '300000000001';
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('ScopeReader', () => {
  let local: LocalAws;

  beforeAll(async () => {
    // 60 distinct task definitions, described 4 at a time, 200 ms each:
    // seconds of calls still to make when the read fails.
    local = await startLocalAwsForSdk({
      estate: generateEstate({ services: 60, clusters: 2, regions: 1, seed: 5 }),
    });
  });
  afterAll(() => local.close());

  it('stops the calls of a read at its first failure', async () => {
    const config = new ConfigReader({ aws: syntheticAwsConfig([ACCOUNT]) });
    const reader = new ScopeReader({
      credentials: DefaultAwsCredentialsManager.fromConfig(config),
      quotaShare: 1,
      concurrency: 4,
    });
    // The first task definition answered is denied: the other reads in
    // flight then have seconds of calls left.
    local.setFaults({ latencyMs: 200, deniedOperations: ['ecs:DescribeTaskDefinition'] });

    const result = await reader.read({ accountId: ACCOUNT, region: 'eu-west-1' });
    const count = () => local.calls().reduce((n, c) => n + c.calls, 0);
    const described = () =>
      local.calls().find(c => c.operation === 'DescribeTaskDefinition')?.calls ?? 0;
    const describedAtFailure = described();
    // Requests already in flight are answered (and counted) after the delay.
    await sleep(500);
    const settled = count();
    await sleep(1_500);

    expect(result.error).toMatch(
      /^ecs:DescribeTaskDefinition failed: HTTP 403 AccessDeniedException, request id [\w-]+: the credentials may not call ecs:DescribeTaskDefinition/,
    );
    expect(result.snapshot).toBeUndefined();
    // The task definitions were being described when the read failed...
    expect(describedAtFailure).toBeGreaterThan(0);
    local.setFaults({ latencyMs: 0, deniedOperations: [] });
    expect(describedAtFailure).toBeLessThan(60);
    // ...and no further call was sent.
    expect(count()).toBe(settled);
  });
});
