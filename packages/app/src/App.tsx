import { createApp } from '@backstage/frontend-defaults';
import { createFrontendFeatureLoader } from '@backstage/frontend-plugin-api';
import { navModule } from './modules/nav';
import { nextTask } from './nextTask';
import { PLUGINS } from './plugins';

/**
 * The app's plugins, each imported in its own browser task. Package
 * discovery (`app.packages: all`) evaluates every plugin in the one task that
 * runs the main bundle: a quarter of a second of blocked main thread on a
 * cold load. Split up, no task is long enough to hold back input or paint.
 */
const plugins = createFrontendFeatureLoader({
  async *loader() {
    for (const plugin of PLUGINS) {
      await nextTask();
      yield (await plugin.load()).default;
    }
  },
});

export default createApp({
  features: [plugins, navModule],
});
