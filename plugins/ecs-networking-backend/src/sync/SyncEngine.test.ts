import { startLocalAwsForSdk } from '@ecs-net/aws-local';
import type { LocalAws } from '@ecs-net/aws-local';
import { createSync } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const CANARY = 'ecsnet-canary-7f3a9b';

describe('SyncEngine against the local AWS endpoint', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
  });
  afterAll(() => local.close());
  beforeEach(() => {
    local.setFaults({ throttle: false, accessDeniedAccounts: [], expiredCredentialAccounts: [] });
  });

  it('reads two accounts × two regions into the store', async () => {
    const { sync, store } = await createSync();
    const result = await sync.run();

    expect(result.scopes.map(s => [s.accountId, s.region, s.ok])).toEqual([
      ['111111111111', 'eu-west-1', true],
      ['111111111111', 'us-east-1', true],
      ['222222222222', 'eu-west-1', true],
      ['222222222222', 'us-east-1', true],
    ]);
    const stored = await store.list();
    const euShop = stored.find(s => s.status.accountId === '111111111111' && s.status.region === 'eu-west-1')!;
    const names = euShop.snapshot!.services.map(s => s.name).sort();
    expect(names).toEqual(
      expect.arrayContaining(['order-service', 'user-service', 'mysql', 'app', 'payment-service']),
    );
    const order = euShop.snapshot!.services.find(s => s.name === 'order-service')!;
    expect(order.tags.owner).toBe('team-orders');
    expect(order.serviceConnect?.services[0].clientAliases).toEqual([
      { dnsName: 'order-service', port: 8080 },
    ]);
    expect(order.tasks.map(t => t.health)).toEqual(['HEALTHY', 'HEALTHY']);
    // Instances only Cloud Map knows (an EC2 host) are read; ECS-registered
    // ones are the tasks above and cost no extra call.
    const ldap = euShop.snapshot!.cloudMapServices.find(s => s.name === 'ldap')!;
    expect(ldap.instances).toEqual([
      { id: 'i-0a11e1a00000000ld', ipv4: '10.11.2.200', port: 389, health: expect.any(String) },
    ]);
    const euCalls = result.scopes[0].calls;
    expect(euCalls['servicediscovery:ListInstances']).toBe(1);
    const accountTwo = stored.find(s => s.status.accountId === '222222222222' && s.status.region === 'eu-west-1')!;
    expect(accountTwo.snapshot!.services.map(s => s.name)).toContain('analytics-service');
  });

  it('keeps only matched endpoint references from task definitions', async () => {
    const { sync, store, logger } = await createSync();
    await sync.run();
    const stored = await store.list();
    const euShop = stored.find(s => s.status.accountId === '111111111111' && s.status.region === 'eu-west-1')!;
    const order = euShop.snapshot!.services.find(s => s.name === 'order-service')!;
    const definition = euShop.snapshot!.taskDefinitions.find(t => t.arn === order.taskDefinitionArn)!;
    const references = definition.containers.flatMap(c => c.references.map(r => r.text));
    expect(references).toEqual(
      expect.arrayContaining(['http://user-service:8080', 'jdbc:mysql://mysql.app:3306/orders']),
    );
    // The canary sits in DB_PASSWORD of the same container.
    expect(JSON.stringify(stored)).not.toContain(CANARY);
    expect(logger.lines.join('\n')).not.toContain(CANARY);
  });

  it('describes each task definition once across runs', async () => {
    const { sync } = await createSync();
    const first = await sync.run();
    const second = await sync.run();
    const describes = (r: typeof first) =>
      r.scopes.reduce((n, s) => n + (s.calls['ecs:DescribeTaskDefinition'] ?? 0), 0);
    expect(describes(first)).toBeGreaterThan(0);
    expect(describes(second)).toBe(0);
  });

  it('keeps the last good snapshot of an account that starts failing', async () => {
    const { sync, store, logger } = await createSync();
    await sync.run();
    const before = await store.list();

    local.setFaults({ accessDeniedAccounts: ['222222222222'] });
    const failed = await sync.run();
    expect(failed.scopes.filter(s => !s.ok).map(s => s.accountId)).toEqual([
      '222222222222',
      '222222222222',
    ]);
    const during = await store.list();
    for (const scope of during.filter(s => s.status.accountId === '222222222222')) {
      expect(scope.status.stale).toBe(true);
      expect(scope.status.consecutiveFailures).toBe(1);
      expect(scope.status.lastError).toMatch(/AccessDenied/);
      const previous = before.find(
        b => b.status.accountId === scope.status.accountId && b.status.region === scope.status.region,
      )!;
      expect(scope.snapshot).toEqual(previous.snapshot);
    }
    for (const scope of during.filter(s => s.status.accountId === '111111111111')) {
      expect(scope.status.stale).toBe(false);
    }
    expect(logger.lines.some(l => l.startsWith('warn') && l.includes('222222222222'))).toBe(true);

    local.setFaults({ accessDeniedAccounts: [] });
    await sync.run();
    const after = await store.list();
    expect(after.every(s => !s.status.stale && s.status.consecutiveFailures === 0)).toBe(true);
  });

  it('completes under AWS-like throttling without surfacing errors', async () => {
    local.setFaults({ throttle: true });
    const { sync } = await createSync();
    const result = await sync.run();
    expect(result.scopes.every(s => s.ok)).toBe(true);
  });
});
