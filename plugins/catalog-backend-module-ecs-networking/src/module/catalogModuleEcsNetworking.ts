import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  SNAPSHOT_UPDATED_TOPIC,
  SnapshotUpdatedPayload,
} from '@ecs-net/plugin-ecs-networking-common';
import { ecsNetworkingServiceRef } from '@ecs-net/plugin-ecs-networking-node';
import { EcsNetworkingEntityProvider } from '../provider/EcsNetworkingEntityProvider';
import { EcsServiceApiRelationsProcessor } from '../processor/EcsServiceApiRelationsProcessor';

/**
 * Catalog module: ECS services, Cloud Map namespaces and endpoints as
 * entities, refreshed after every sync and on a schedule.
 *
 * @public
 */
export const catalogModuleEcsNetworking = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ecs-networking',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        client: ecsNetworkingServiceRef,
        events: eventsServiceRef,
      },
      async init({ catalog, config, logger, scheduler, client, events }) {
        const provider = EcsNetworkingEntityProvider.fromConfig(config, {
          logger,
          scheduler,
          client,
        });
        catalog.addEntityProvider(provider);
        catalog.addProcessor(new EcsServiceApiRelationsProcessor());
        await events.subscribe({
          id: 'catalog-ecs-networking',
          topics: [SNAPSHOT_UPDATED_TOPIC],
          // Updates from AWS change events touch a few services: a delta. A
          // full sync is the reconciliation: a full mutation.
          onEvent: async ({ eventPayload }) => {
            const delta = (eventPayload as SnapshotUpdatedPayload)?.trigger === 'events';
            await provider.refresh({ delta }).catch(error =>
              logger.warn(`ECS networking catalog refresh failed: ${error}`),
            );
          },
        });
      },
    });
  },
});
