import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { DEMO_SCOPES, demoAwsConfig, type LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { EstateReader } from '../EstateReader';

jest.setTimeout(60_000);

/** The actions of the least-privilege policy the backend README documents. */
function documentedActions(): Set<string> {
  const readme = readFileSync(
    path.resolve(__dirname, '../../../ecs-networking-backend/README.md'),
    'utf8',
  );
  const section = readme.slice(readme.indexOf('## Least-privilege IAM policy'));
  const json = /```json\n([\s\S]*?)```/.exec(section)![1];
  const policy = JSON.parse(json) as { Statement: Array<{ Action: string[] }> };
  return new Set(policy.Statement.flatMap(statement => statement.Action));
}

describe('the least-privilege IAM policy in the backend README', () => {
  let local: LocalAws;
  beforeAll(async () => {
    local = await startLocalAwsForSdk();
  });
  afterAll(() => local.close());

  it('allows every call a full read of the demo estate makes, RAM and Cloud Map revisions included', async () => {
    const reader = new EstateReader({
      credentials: DefaultAwsCredentialsManager.fromConfig(new ConfigReader({ aws: demoAwsConfig() })),
      quotaShare: 1,
      concurrency: 4,
    });
    const scopes = DEMO_SCOPES.flatMap(a => a.regions.map(region => ({ accountId: a.accountId, region })));
    // Twice: the second read asks for revisions of lists it holds.
    await reader.readEstate(scopes);
    const results = await reader.readEstate(scopes);
    expect(results.every(r => r.snapshot && !r.snapshot.skipped)).toBe(true);
    const called = new Set(results.flatMap(r => Object.keys(r.stats.byOperation())));
    expect(called).toContain('ram:ListResourceSharePermissions');
    expect(called).toContain('servicediscovery:DiscoverInstancesRevision');
    const allowed = documentedActions();
    expect([...called].filter(action => !allowed.has(action))).toEqual([]);
  });
});
