import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readTagKeys } from '@ecs-net/plugin-ecs-networking-common';
import { ecsNetworkingServiceRef } from '@ecs-net/plugin-ecs-networking-node';
import { createArchiveAction } from './actions/archive';
import { createDescribeServiceAction } from './actions/describeService';
import { createSourceRepositoryAction } from './actions/sourceRepository';
import { createValidateAction } from './actions/validate';
import { createValidateTerraformAction } from './actions/validateTerraform';
import { HttpLiveNetworkSource } from './live/liveNetworkSource';
import { createArchiveRouter } from './archive/archiveRouter';
import { ArchiveStore, readArchiveLimits } from './archive/archiveStore';

/**
 * Scaffolder module: the `ecs-networking:*` actions that check a new
 * service's Service Connect / Service Discovery wiring against live state
 * and against the Terraform a template generated, the archive of a task's
 * generated files (served on the scaffolder's router), and the repository a
 * migration's pull request goes to. Reads live state from the ecs-networking
 * backend plugin's API; needs no AWS permissions.
 *
 * @public
 */
export const scaffolderModuleEcsNetworking = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ecs-networking',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        client: ecsNetworkingServiceRef,
        cache: coreServices.cache,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
      },
      async init({
        scaffolder,
        config,
        client,
        cache,
        httpRouter,
        httpAuth,
        catalog,
      }) {
        // The same tag keys the ecs-networking plugin reads, so owners and
        // component links mean the same thing here as in the catalog.
        const tagKeys = readTagKeys(config);
        const source = new HttpLiveNetworkSource(client);
        const store = new ArchiveStore(cache, readArchiveLimits(config));
        // Registered before the scaffolder's own routes (modules start
        // before their plugin), under a path of its own.
        httpRouter.use(createArchiveRouter({ store, httpAuth }));
        scaffolder.addActions(
          createValidateAction({ source, tagKeys }),
          createValidateTerraformAction({ source, tagKeys }),
          createDescribeServiceAction({ source, tagKeys }),
          createArchiveAction({ store }),
          createSourceRepositoryAction({
            catalog,
            integrations: ScmIntegrations.fromConfig(config),
          }),
        );
      },
    });
  },
});
