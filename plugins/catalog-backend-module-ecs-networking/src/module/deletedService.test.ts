import { DeleteServiceCommand, ECSClient, TagResourceCommand } from '@aws-sdk/client-ecs';
import { type LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import {
  byTitle,
  ecsEntities,
  eventually,
  scopeStatuses,
  startCatalogBackend,
  syncTrigger,
} from '../__testUtils__/catalogBackend';

// Sized for a loaded machine: the catalog processes entities one by one.
// Longer than the test's two catalog waits (`eventually`, 90 s each) and its
// syncs together, so a catalog too slow is reported by the wait that names it.
jest.setTimeout(240_000);

// Read through a role assumed from the main account, so failing it leaves
// the main account readable.
const ACCOUNT = '222222222222';
const DELETED = 'ingest-worker';

// The sync runs only when the test triggers it (see syncTrigger).
const trigger = syncTrigger();
const syncNow = () => trigger.syncNow();

const ecs = (accessKeyId: string) =>
  new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId, secretAccessKey: 'demo' } });

describe('a service deleted in AWS', () => {
  let local: LocalAws;
  let backend: Awaited<ReturnType<typeof startCatalogBackend>>;

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    backend = await startCatalogBackend({
      // The test scheduler runs no task with an initial delay by itself:
      // syncs run only when the test triggers them.
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 }, initialDelay: { hours: 1 } },
      features: [trigger.feature],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await local?.close();
  });

  const deletedEntities = async () =>
    byTitle(await ecsEntities(backend.server), 'Resource', DELETED).filter(
      e => e.metadata.annotations?.['ecs-networking.io/region'] === 'eu-west-1',
    );
  /** Titles of the ECS service entities of the failing account × region. */
  const scopeServices = async () =>
    (await ecsEntities(backend.server))
      .filter(
        e =>
          e.spec?.type === 'ecs-service' &&
          e.metadata.annotations?.['ecs-networking.io/account-id'] === ACCOUNT &&
          e.metadata.annotations?.['ecs-networking.io/region'] === 'eu-west-1',
      )
      .map(e => e.metadata.title!);
  const scope = async () =>
    (await scopeStatuses(backend.server)).find(s => s.accountId === ACCOUNT && s.region === 'eu-west-1')!;

  it('stays in the catalog while its account × region fails, and leaves on its next successful read', async () => {
    await syncNow();
    const { lastSuccessAt: lastGoodRead, counts } = await scope();
    // The catalog processes what the provider applied in its own time.
    const before = await eventually(async () => {
      const titles = await scopeServices();
      return titles.length === counts.services ? titles : undefined;
    });
    const [entity] = await deletedEntities();
    expect(entity.metadata.name).toBe('ingest-worker-data-euw1-2222');
    const serviceArn = entity.metadata.annotations!['ecs-networking.io/service-arn'];

    await ecs('AKIADEMO222222222222').send(
      new DeleteServiceCommand({ cluster: 'data', service: serviceArn, force: true }),
    );
    local.setFaults({ accessDeniedAccounts: [ACCOUNT] });
    // A change in the healthy account during the failure: proof that the
    // catalog was refreshed from these runs.
    const healthy = byTitle(await ecsEntities(backend.server), 'Resource', 'nightly-report')[0];
    await ecs('AKIADEMO111111111111').send(
      new TagResourceCommand({
        resourceArn: healthy.metadata.annotations!['ecs-networking.io/service-arn'],
        tags: [{ key: 'owner', value: 'team-late' }],
      }),
    );
    await syncNow();
    expect(await scope()).toMatchObject({ stale: true, consecutiveFailures: 1, lastSuccessAt: lastGoodRead });
    await eventually(async () => {
      const entities = await ecsEntities(backend.server);
      const owner = byTitle(entities, 'Resource', 'nightly-report')[0].spec?.owner;
      return owner === 'group:default/team-late' ? true : undefined;
    });
    expect(await deletedEntities()).toHaveLength(1);
    await syncNow();
    expect(await scope()).toMatchObject({ stale: true, consecutiveFailures: 2, lastSuccessAt: lastGoodRead });
    expect(await deletedEntities()).toHaveLength(1);

    local.setFaults({ accessDeniedAccounts: [] });
    await syncNow();
    expect(await scope()).toMatchObject({ stale: false, consecutiveFailures: 0 });
    // The sync's event has refreshed the catalog by now.
    expect(await deletedEntities()).toEqual([]);
    // Only the deleted service went: the rest of its scope stays.
    expect((await scopeServices()).sort()).toEqual(before.filter(name => name !== DELETED).sort());
  });
});
