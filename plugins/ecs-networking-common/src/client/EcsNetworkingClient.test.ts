import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import type { SnapshotsResponse, StatusResponse } from '../api';
import type { ScopeSnapshot } from '../snapshot';
import { EcsNetworkingClient } from './EcsNetworkingClient';

type Answer = { status: number; body: unknown };

/** A client whose fetch answers each call with the next answer, or the last one again. */
function clientAnswering(...answers: Answer[]) {
  let call = 0;
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => {
    const { status, body } = answers[Math.min(call++, answers.length - 1)];
    return new Response(JSON.stringify(body), {
      status,
      statusText: status === 200 ? 'OK' : 'Not Found',
      headers: { 'Content-Type': 'application/json' },
    });
  });
  const client = new EcsNetworkingClient({
    discoveryApi: {
      getBaseUrl: async (pluginId: string) => `http://backstage.test/api/${pluginId}`,
    },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const ok = (body: unknown): Answer => ({ status: 200, body });

function snapshot(accountId: string): ScopeSnapshot {
  return { accountId, region: 'eu-west-1' } as ScopeSnapshot;
}

function statusOf(generation: number): StatusResponse {
  return { generation, scopes: [] };
}

function page(generation: number, items: ScopeSnapshot[], nextOffset?: number): SnapshotsResponse {
  return { generation, total: 2, items, nextOffset };
}

describe('EcsNetworkingClient', () => {
  it('reads /status from the ecs-networking backend', async () => {
    const { client, fetch } = clientAnswering(ok({ generation: 3, scopes: [] }));
    await expect(client.getStatus()).resolves.toEqual({ generation: 3, scopes: [] });
    expect(fetch).toHaveBeenCalledWith('http://backstage.test/api/ecs-networking/status');
  });

  it('reads /network', async () => {
    const { client, fetch } = clientAnswering(ok({ generation: 1 }));
    await expect(client.getNetwork()).resolves.toEqual({ generation: 1 });
    expect(fetch).toHaveBeenCalledWith('http://backstage.test/api/ecs-networking/network');
  });

  it('encodes the /changes and /blast-radius queries, leaving out absent values', async () => {
    const { client, fetch } = clientAnswering(ok({ changes: [] }));
    await client.getChanges();
    expect(fetch).toHaveBeenLastCalledWith('http://backstage.test/api/ecs-networking/changes');
    await client.getChanges({ entityRef: 'component:default/orders', hops: 1, since: '2026-01-01T00:00:00.000Z' });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backstage.test/api/ecs-networking/changes?entityRef=component%3Adefault%2Forders&hops=1&since=2026-01-01T00%3A00%3A00.000Z',
    );
    await client.getBlastRadius({ endpoint: 'orders:8080', hops: 2 });
    expect(fetch).toHaveBeenLastCalledWith('http://backstage.test/api/ecs-networking/blast-radius?endpoint=orders%3A8080&hops=2');
  });

  it('encodes the lookup query', async () => {
    const { client, fetch } = clientAnswering(ok({ query: '', matches: [] }));
    await client.lookup('http://orders:8080/a b?x=1');
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/ecs-networking/lookup?q=http%3A%2F%2Forders%3A8080%2Fa%20b%3Fx%3D1',
    );
  });

  it('asks for an entity by namespace, kind and name, encoded', async () => {
    const { client, fetch } = clientAnswering(ok({}));
    await client.getEntityNetwork({
      namespace: 'default',
      kind: 'Resource',
      name: 'order-service-shop-euw1-1111',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/ecs-networking/entities/default/Resource/order-service-shop-euw1-1111',
    );
    await client.getEntityNetwork({ namespace: 'a/b', kind: 'Resource', name: 'x?y' });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backstage.test/api/ecs-networking/entities/a%2Fb/Resource/x%3Fy',
    );
  });

  it('sends a given token as a bearer token, on every request of a paged read', async () => {
    const { client, fetch } = clientAnswering(ok(statusOf(1)), ok(page(1, [snapshot('1')])));
    await client.getSnapshots({ token: 'service-token' });
    expect(fetch).toHaveBeenCalledTimes(2);
    for (const [, init] of fetch.mock.calls) {
      expect(init).toEqual({ headers: { Authorization: 'Bearer service-token' } });
    }
  });

  it('reads every page of /snapshots, with the status of the same generation', async () => {
    const scopes = [{ accountId: '1', region: 'eu-west-1' }];
    const { client, fetch } = clientAnswering(
      ok({ generation: 4, scopes }),
      ok(page(4, [snapshot('1')], 100)),
      ok(page(4, [snapshot('2')])),
    );
    await expect(client.getSnapshots()).resolves.toEqual({
      generation: 4,
      scopes,
      snapshots: [snapshot('1'), snapshot('2')],
    });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backstage.test/api/ecs-networking/status',
      'http://backstage.test/api/ecs-networking/snapshots?offset=0&limit=100',
      'http://backstage.test/api/ecs-networking/snapshots?offset=100&limit=100',
    ]);
  });

  it('starts the paged read over when the store moves on between pages', async () => {
    const { client, fetch } = clientAnswering(
      ok(statusOf(1)),
      ok(page(1, [snapshot('old')], 1)),
      ok(page(2, [snapshot('2')])),
      ok(statusOf(2)),
      ok(page(2, [snapshot('1')], 1)),
      ok(page(2, [snapshot('2')])),
    );
    await expect(client.getSnapshots()).resolves.toEqual({
      generation: 2,
      scopes: [],
      snapshots: [snapshot('1'), snapshot('2')],
    });
    expect(fetch).toHaveBeenCalledTimes(6);
  });

  it('gives up starting over after three reads and returns the last one', async () => {
    let generation = 0;
    const fetch = jest.fn(async (url: string) => {
      generation++;
      const body = url.endsWith('/status') ? statusOf(generation) : page(generation, [snapshot('1')]);
      return new Response(JSON.stringify(body));
    });
    const client = new EcsNetworkingClient({
      discoveryApi: { getBaseUrl: async () => 'http://backstage.test/api/ecs-networking' },
      fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
    });
    await expect(client.getSnapshots()).resolves.toMatchObject({ generation: 6 });
    expect(fetch).toHaveBeenCalledTimes(6);
  });

  it('rejects with a ResponseError carrying the backend message', async () => {
    const { client } = clientAnswering({
      status: 404,
      body: {
        error: { name: 'NotFoundError', message: 'No entity component:default/ghost' },
        request: { method: 'GET', url: '/entities/default/component/ghost' },
        response: { statusCode: 404 },
      },
    });
    const failure = client.getEntityNetwork({
      namespace: 'default',
      kind: 'component',
      name: 'ghost',
    });
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 404,
      cause: { name: 'NotFoundError', message: 'No entity component:default/ghost' },
    });
  });

  it('rejects with a ServiceUnavailableError naming the URL when the backend cannot be reached', async () => {
    const client = new EcsNetworkingClient({
      discoveryApi: { getBaseUrl: async () => 'http://backstage.test/api/ecs-networking' },
      fetchApi: {
        fetch: async () => {
          throw new TypeError('fetch failed');
        },
      },
    });
    const failure = client.getStatus();
    await expect(failure).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(failure).rejects.toThrow(
      'Could not reach the ecs-networking plugin at http://backstage.test/api/ecs-networking: TypeError: fetch failed',
    );
  });

  it('uses the global fetch when given no fetchApi', async () => {
    const global = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify(statusOf(7))));
    try {
      const client = new EcsNetworkingClient({
        discoveryApi: { getBaseUrl: async () => 'http://backstage.test/api/ecs-networking' },
      });
      await expect(client.getStatus({ token: 't' })).resolves.toEqual(statusOf(7));
      expect(global).toHaveBeenCalledWith('http://backstage.test/api/ecs-networking/status', {
        headers: { Authorization: 'Bearer t' },
      });
    } finally {
      global.mockRestore();
    }
  });
});
