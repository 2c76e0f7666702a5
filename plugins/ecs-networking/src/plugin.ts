import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { EcsNetworkingClient, ecsNetworkingApiRef } from './api';
import { generatedFilesRouteRef, rootRouteRef } from './routes';

/**
 * The ECS networking plugin for the legacy frontend system.
 *
 * @public
 */
export const ecsNetworkingPlugin = createPlugin({
  id: 'ecs-networking',
  apis: [
    createApiFactory({
      api: ecsNetworkingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new EcsNetworkingClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
    generatedFiles: generatedFilesRouteRef,
  },
});

/**
 * The whole estate by namespace, its findings and the ownership lookup.
 *
 * @public
 */
export const EcsNetworkingPage = ecsNetworkingPlugin.provide(
  createRoutableExtension({
    name: 'EcsNetworkingPage',
    component: () =>
      import('./components/EcsNetworkingPage').then(m => m.EcsNetworkingPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The files a scaffolder task generated, with their download; mount it at
 * `/ecs-networking-files`, where the templates' output links.
 *
 * @public
 */
export const EcsGeneratedFilesPage = ecsNetworkingPlugin.provide(
  createRoutableExtension({
    name: 'EcsGeneratedFilesPage',
    component: () =>
      import('./scaffolder/GeneratedFilesPage').then(
        m => m.GeneratedFilesPage,
      ),
    mountPoint: generatedFilesRouteRef,
  }),
);

/**
 * Endpoint names, callers, callees and findings of the current entity.
 *
 * @public
 */
export const EntityEcsNetworkingCard = ecsNetworkingPlugin.provide(
  createComponentExtension({
    name: 'EntityEcsNetworkingCard',
    component: {
      lazy: () =>
        import('./components/EcsNetworkingCard').then(m => m.EcsNetworkingCard),
    },
  }),
);

/**
 * The Network tab: neighbourhood graph, running tasks and details.
 *
 * @public
 */
export const EntityEcsNetworkingContent = ecsNetworkingPlugin.provide(
  createComponentExtension({
    name: 'EntityEcsNetworkingContent',
    component: {
      lazy: () =>
        import('./components/EcsNetworkingContent').then(
          m => m.EcsNetworkingContent,
        ),
    },
  }),
);

/**
 * The names in a Cloud Map namespace, the services answering on them and
 * their owners, and findings about the namespace.
 *
 * @public
 */
export const EntityEcsNamespaceCard = ecsNetworkingPlugin.provide(
  createComponentExtension({
    name: 'EntityEcsNamespaceCard',
    component: {
      lazy: () =>
        import('./components/EcsNamespaceCard').then(m => m.EcsNamespaceCard),
    },
  }),
);
