import { ResponseError } from '@backstage/errors';
import { EcsNetworkingClient } from './EcsNetworkingClient';

function clientAnswering(status: number, body: unknown) {
  const fetch = jest.fn(
    async (_url: string) =>
      new Response(JSON.stringify(body), {
        status,
        statusText: status === 200 ? 'OK' : 'Not Found',
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  const client = new EcsNetworkingClient({
    discoveryApi: {
      getBaseUrl: async (pluginId: string) =>
        `http://backstage.test/api/${pluginId}`,
    },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('EcsNetworkingClient', () => {
  it('reads /status from the ecs-networking backend', async () => {
    const { client, fetch } = clientAnswering(200, {
      generation: 3,
      scopes: [],
    });
    await expect(client.getStatus()).resolves.toEqual({
      generation: 3,
      scopes: [],
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/ecs-networking/status',
    );
  });

  it('encodes the lookup query', async () => {
    const { client, fetch } = clientAnswering(200, { query: '', matches: [] });
    await client.lookup('http://orders:8080/a b?x=1');
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/ecs-networking/lookup?q=http%3A%2F%2Forders%3A8080%2Fa%20b%3Fx%3D1',
    );
  });

  it('asks for an entity by namespace, kind and name, encoded', async () => {
    const { client, fetch } = clientAnswering(200, {});
    await client.getEntityNetwork({
      namespace: 'default',
      kind: 'Resource',
      name: 'order-service-shop-euw1-1111',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/ecs-networking/entities/default/Resource/order-service-shop-euw1-1111',
    );
  });

  it('rejects with a ResponseError carrying the backend message', async () => {
    const { client } = clientAnswering(404, {
      error: {
        name: 'NotFoundError',
        message: 'No entity component:default/ghost',
      },
      request: { method: 'GET', url: '/entities/default/component/ghost' },
      response: { statusCode: 404 },
    });
    const failure = client.getEntityNetwork({
      namespace: 'default',
      kind: 'component',
      name: 'ghost',
    });
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 404,
      cause: {
        name: 'NotFoundError',
        message: 'No entity component:default/ghost',
      },
    });
  });
});
