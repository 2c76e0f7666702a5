import type {
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  analyzeNetwork,
  EcsNetworkingClient,
  NetworkResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';
import { EcsNetworkingEntityProvider } from './EcsNetworkingEntityProvider';

function networkOf(generation: number, services = ['orders']): NetworkResponse {
  const builder = scope();
  for (const name of services)
    builder.service(name, { cluster: 'shop', tags: {} });
  return { generation, scopes: [], ...analyzeNetwork([builder.build()]) };
}

/** The provider from config, with its scheduled task captured and /network answered by `serve`. */
function setUp(config: object, serve: () => NetworkResponse) {
  const scheduled: {
    schedule?: unknown;
    task?: SchedulerServiceTaskInvocationDefinition;
  } = {};
  const scheduler = {
    createScheduledTaskRunner: (schedule: unknown) => {
      scheduled.schedule = schedule;
      return {
        run: async (task: SchedulerServiceTaskInvocationDefinition) => {
          scheduled.task = task;
        },
      };
    },
  } as unknown as SchedulerService;
  const fetch = jest
    .spyOn(globalThis, 'fetch')
    .mockImplementation(async () => new Response(JSON.stringify(serve())));
  const provider = EcsNetworkingEntityProvider.fromConfig(
    new ConfigReader(config),
    {
      logger: mockServices.logger.mock(),
      scheduler,
      // The service token is ecsNetworkingServiceRef's job (tested in the -node package).
      client: new EcsNetworkingClient({
        discoveryApi: {
          getBaseUrl: async pluginId => `http://backstage.test/api/${pluginId}`,
        },
      }),
    },
  );
  const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
  return {
    provider,
    scheduled,
    fetch,
    connection: connection as EntityProviderConnection & typeof connection,
  };
}

describe('EcsNetworkingEntityProvider', () => {
  afterEach(() => jest.restoreAllMocks());

  it('schedules its refresh as configured, under <providerName>:refresh', async () => {
    const schedule = { frequency: { minutes: 30 }, timeout: { minutes: 10 } };
    const { provider, scheduled, connection } = setUp(
      { catalog: { providers: { ecsNetworking: { schedule } } } },
      () => networkOf(1),
    );
    await provider.connect(connection);
    expect(scheduled.schedule).toEqual(schedule);
    expect(scheduled.task?.id).toBe('ecs-networking:refresh');
  });

  it('reads /network and applies it as a full mutation, owned as configured', async () => {
    const { provider, scheduled, fetch, connection } = setUp(
      {
        ecsNetworking: {
          ownership: { defaultOwner: 'group:default/platform-team' },
        },
      },
      () => networkOf(1),
    );
    await provider.connect(connection);
    await scheduled.task!.fn(new AbortController().signal);

    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage.test/api/ecs-networking/network',
    );
    const [mutation] = connection.applyMutation.mock.calls[0];
    expect(mutation.type).toBe('full');
    const resource = mutation.entities.find(
      (e: { entity: { kind: string } }) => e.entity.kind === 'Resource',
    );
    expect(resource.entity.metadata.title).toBe('orders');
    // The service has no owner tag.
    expect(resource.entity.spec.owner).toBe('group:default/platform-team');
    expect(resource.locationKey).toBe('ecs-networking:ecs-networking');
  });

  it('leaves the catalog alone before the first sync, and when the generation is unchanged', async () => {
    let generation = 0;
    const { provider, connection } = setUp({}, () => networkOf(generation));
    await provider.connect(connection);
    await provider.refresh();
    expect(connection.applyMutation).not.toHaveBeenCalled();

    generation = 1;
    await provider.refresh();
    await provider.refresh();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    await provider.refresh({ force: true });
    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
  });

  it('applies nothing when the backend answers with an error', async () => {
    const { provider, fetch, connection } = setUp({}, () => networkOf(1));
    fetch.mockResolvedValue(new Response('{}', { status: 503 }));
    await provider.connect(connection);
    await expect(provider.refresh()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 503,
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('applies only what changed as a delta, after a first full mutation', async () => {
    let network = networkOf(1, ['orders', 'payments']);
    const { provider, connection } = setUp({}, () => network);
    await provider.connect(connection);
    await provider.refresh({ delta: true });
    expect(connection.applyMutation.mock.calls[0][0].type).toBe('full');
    const titles = (
      entities: Array<{
        entity: { kind: string; metadata: { title?: string } };
      }>,
    ) =>
      entities
        .filter(e => e.entity.kind === 'Resource')
        .map(e => e.entity.metadata.title);

    // One new service: only its entities are added, nothing is removed.
    network = networkOf(2, ['orders', 'payments', 'refunds']);
    await provider.refresh({ delta: true });
    const added = connection.applyMutation.mock.calls[1][0];
    expect(added.type).toBe('delta');
    expect(titles(added.added)).toEqual(['refunds']);
    expect(added.removed).toEqual([]);

    // A deleted service: removed by ref, nothing else re-sent.
    network = networkOf(3, ['orders', 'refunds']);
    await provider.refresh({ delta: true });
    const removed = connection.applyMutation.mock.calls[2][0];
    expect(removed.added).toEqual([]);
    expect(
      removed.removed.map((r: { entityRef: string }) => r.entityRef),
    ).toContainEqual(expect.stringMatching(/^resource:default\/payments/));

    // Nothing changed for the catalog: no mutation at all.
    network = networkOf(4, ['orders', 'refunds']);
    await provider.refresh({ delta: true });
    expect(connection.applyMutation).toHaveBeenCalledTimes(3);
  });
});

describe('EcsNetworkingEntityProvider refreshes asked for while one runs', () => {
  afterEach(() => jest.restoreAllMocks());

  /** The provider with /network answered once per `release()` (before or after it is asked), counting the reads. */
  async function gated() {
    let network = networkOf(1, ['orders']);
    const { provider, fetch, connection } = setUp({}, () => network);
    let permits = 0;
    const waiting: Array<() => void> = [];
    fetch.mockImplementation(async () => {
      const answer = JSON.stringify(network);
      if (permits > 0) permits--;
      else await new Promise<void>(resolve => waiting.push(resolve));
      return new Response(answer);
    });
    await provider.connect(connection);
    return {
      provider,
      fetch,
      connection,
      /** Resolves once /network has been asked `count` times. */
      asked: async (count: number) => {
        while (fetch.mock.calls.length < count)
          await new Promise(resolve => setImmediate(resolve));
      },
      setNetwork: (next: NetworkResponse) => (network = next),
      release: () => {
        const next = waiting.shift();
        if (next) next();
        else permits++;
      },
    };
  }
  const kinds = (connection: { applyMutation: jest.Mock }) =>
    connection.applyMutation.mock.calls.map(([mutation]) => mutation.type);

  it('merges a burst into one refresh after the running one, full if any asked for full', async () => {
    const { provider, fetch, connection, setNetwork, release, asked } =
      await gated();
    const first = provider.refresh();
    await asked(1);
    setNetwork(networkOf(2, ['orders', 'payments']));
    const burst = [
      provider.refresh({ delta: true }),
      provider.refresh({ delta: true }),
      provider.refresh(),
      provider.refresh({ delta: true }),
    ];
    release();
    await first;
    release();
    await Promise.all(burst);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(kinds(connection)).toEqual(['full', 'full']);
    // The merged refresh read the model as it was when it ran: generation 2.
    const [, [last]] = connection.applyMutation.mock.calls;
    expect(
      last.entities.map(
        (e: { entity: { metadata: { title?: string } } }) =>
          e.entity.metadata.title,
      ),
    ).toContain('payments');
  });

  it('keeps a burst of deltas a delta, and applies generations in order', async () => {
    const { provider, fetch, connection, setNetwork, release, asked } =
      await gated();
    release();
    await provider.refresh();
    const running = provider.refresh({ delta: true, force: true });
    await asked(2);
    setNetwork(networkOf(2, ['orders', 'payments']));
    const burst = [
      provider.refresh({ delta: true }),
      provider.refresh({ delta: true }),
    ];
    release();
    await running;
    release();
    await Promise.all(burst);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(kinds(connection)).toEqual(['full', 'delta']);
    const [, [delta]] = connection.applyMutation.mock.calls;
    expect(
      delta.added.map(
        (e: { entity: { metadata: { title?: string } } }) =>
          e.entity.metadata.title,
      ),
    ).toContain('payments');
  });

  it('runs the merged refresh even when the running one fails', async () => {
    const { provider, fetch, connection, release } = await gated();
    fetch.mockImplementationOnce(
      async () => new Response('{}', { status: 503 }),
    );
    const failing = provider.refresh();
    const after = provider.refresh({ delta: true });
    release();
    await expect(failing).rejects.toMatchObject({ statusCode: 503 });
    await after;
    expect(kinds(connection)).toEqual(['full']);
  });
});
