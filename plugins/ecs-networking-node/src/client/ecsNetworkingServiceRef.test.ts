import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import type { EcsNetworkingClient } from '@ecs-net/plugin-ecs-networking-common';
import { ecsNetworkingServiceRef } from './ecsNetworkingServiceRef';

/** The client as a plugin with this id receives it from a real backend. */
async function clientOf(pluginId: string) {
  let client: EcsNetworkingClient | undefined;
  const backend = await startTestBackend({
    features: [
      createBackendPlugin({
        pluginId,
        register(env) {
          env.registerInit({
            deps: { ecsNetworking: ecsNetworkingServiceRef },
            async init({ ecsNetworking }) {
              client = ecsNetworking;
            },
          });
        },
      }),
    ],
  });
  return { client: client!, stop: () => backend.stop() };
}

describe('ecsNetworkingServiceRef', () => {
  afterEach(() => jest.restoreAllMocks());

  it("calls the ecs-networking plugin with the calling plugin's own service token on every request", async () => {
    const fetch = jest
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => new Response(JSON.stringify({ generation: 3, scopes: [] })));
    const { client, stop } = await clientOf('scaffolder');
    try {
      await client.getStatus();
      await client.lookup('orders:8080');
    } finally {
      await stop();
    }

    expect(fetch).toHaveBeenCalledTimes(2);
    for (const [url, init] of fetch.mock.calls) {
      expect(String(url)).toMatch(/\/api\/ecs-networking\/(status|lookup\?q=orders%3A8080)$/);
      const authorization = new Headers(init?.headers).get('authorization') ?? '';
      expect(JSON.parse(authorization.replace(/^Bearer mock-service-token:/, ''))).toEqual({
        sub: 'plugin:scaffolder',
        target: 'ecs-networking',
      });
    }
  });
});
