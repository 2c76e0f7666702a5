import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef, metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ecsNetworkingPermissions } from '@ecs-net/plugin-ecs-networking-common';
import { registerActions } from './actions/registerActions';
import { createEcsNetworkingEngine } from './createEcsNetworkingEngine';
import { observeLiveStats } from './live/liveMetrics';
import { networkAccess } from './queries/access';
import { readCatalogDependsOn } from './service/catalogDependencies';

/**
 * The ecs-networking backend plugin: reads ECS and Cloud Map on a schedule,
 * keeps the last good snapshot per account × region, serves the network API.
 *
 * @public
 */
export const ecsNetworkingPlugin = createBackendPlugin({
  pluginId: 'ecs-networking',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        metrics: metricsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        config,
        logger,
        database,
        scheduler,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        auth,
        catalog,
        events,
        metrics,
        actionsRegistry,
      }) {
        const { settings, sync, live, network, history, router } = await createEcsNetworkingEngine({
          config,
          database,
          logger,
          events,
          readCatalogDependsOn: (services, options) => readCatalogDependsOn(catalog, auth, services, options),
        });

        if (settings.scopes.length === 0) {
          logger.warn(
            'ecsNetworking.accounts is empty: nothing will be read. See the plugin README for configuration.',
          );
        } else {
          // The scheduler runs the task on one replica at a time when several
          // share a database.
          await scheduler.scheduleTask({
            id: 'ecs-networking:sync',
            ...settings.schedule,
            // The scheduler aborts a run past its timeout and may then start
            // the next one on another replica: the read must stop with it.
            fn: async signal => {
              await sync.run(signal);
            },
          });
          await scheduler.scheduleTask({
            id: 'ecs-networking:catalog-links',
            ...settings.catalogSchedule,
            fn: async () => {
              await sync.refreshCatalogLinks();
            },
          });
        }

        // Out of the recordings' way: deleting an expired hour costs about
        // what recording one does. Hourly, as the retention is counted in hours.
        await scheduler.scheduleTask({
          id: 'ecs-networking:history-retention',
          frequency: { hours: 1 },
          timeout: { minutes: 15 },
          initialDelay: { minutes: 5 },
          fn: async () => {
            const dropped = await history.applyRetention();
            if (dropped > 0) logger.info(`ECS networking history: the retention dropped ${dropped} change(s)`);
          },
        });

        await live.subscribe(events);
        observeLiveStats(metrics, () => live.stats());

        permissionsRegistry.addPermissions(ecsNetworkingPermissions);
        httpRouter.use(router({ catalog, httpAuth, permissions }));
        // The same questions for AI agents, through the MCP actions backend.
        registerActions(actionsRegistry, {
          network,
          history,
          access: networkAccess({ catalog, permissions }),
          defaultOwner: settings.defaultOwner,
          tagKeys: settings.tagKeys,
        });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
