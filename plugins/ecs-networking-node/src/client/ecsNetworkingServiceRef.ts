import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { EcsNetworkingClient } from '@ecs-net/plugin-ecs-networking-common';

/**
 * The ecs-networking plugin's HTTP API for other backend plugins and modules
 * (the catalog provider, the scaffolder actions). Every request carries a
 * token for the calling plugin's own service identity, issued by the auth
 * service at the time of the request, so callers hold no credentials and
 * tokens never outlive their use.
 *
 * @public
 */
export const ecsNetworkingServiceRef = createServiceRef<EcsNetworkingClient>({
  id: 'ecs-networking.client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { auth: coreServices.auth, discovery: coreServices.discovery },
      factory: ({ auth, discovery }) =>
        new EcsNetworkingClient({
          discoveryApi: discovery,
          fetchApi: {
            fetch: async (input, init) => {
              const { token } = await auth.getPluginRequestToken({
                onBehalfOf: await auth.getOwnServiceCredentials(),
                targetPluginId: 'ecs-networking',
              });
              const headers = new Headers(init?.headers);
              headers.set('Authorization', `Bearer ${token}`);
              return fetch(input, { ...init, headers });
            },
          },
        }),
    }),
});
