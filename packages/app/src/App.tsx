import { createApp } from '@backstage/frontend-defaults';
import { createFrontendFeatureLoader } from '@backstage/frontend-plugin-api';
import { navModule } from './modules/nav';

const nextTask = () => new Promise(resolve => setTimeout(resolve, 0));

/**
 * The app's plugins, each imported in its own browser task. Package
 * discovery (`app.packages: all`) evaluates every plugin in the one task that
 * runs the main bundle: a quarter of a second of blocked main thread on a
 * cold load. Split up, no task is long enough to hold back input or paint.
 */
const plugins = createFrontendFeatureLoader({
  async *loader() {
    for (const load of [
      () => import('@backstage/plugin-catalog/alpha'),
      () => import('@ecs-net/plugin-ecs-networking/alpha'),
      () => import('@backstage/plugin-catalog-graph/alpha'),
      () => import('@backstage/plugin-api-docs/alpha'),
      () => import('@backstage/plugin-org/alpha'),
      () => import('@backstage/plugin-scaffolder/alpha'),
      () => import('@backstage/plugin-search/alpha'),
      () => import('@backstage/plugin-signals/alpha'),
      () => import('@backstage/plugin-user-settings/alpha'),
      () => import('@backstage/plugin-app-module-user-settings'),
      () => import('@backstage/plugin-auth'),
    ]) {
      await nextTask();
      yield (await load()).default;
    }
  },
});

export default createApp({
  features: [plugins, navModule],
});
