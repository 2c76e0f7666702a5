import type {
  FrontendFeature,
  FrontendFeatureLoader,
} from '@backstage/frontend-plugin-api';

type Loaded = Promise<{ default: FrontendFeature | FrontendFeatureLoader }>;

/**
 * Every frontend plugin and module this app depends on, by package, in the
 * order they load. The app imports them itself rather than through package
 * discovery (see App.tsx); a new dependency belongs here too, which
 * App.test.tsx checks.
 */
export const PLUGINS: Array<{ packageName: string; load: () => Loaded }> = [
  { packageName: '@backstage/plugin-catalog', load: () => import('@backstage/plugin-catalog/alpha') },
  { packageName: '@ecs-net/plugin-ecs-networking', load: () => import('@ecs-net/plugin-ecs-networking/alpha') },
  { packageName: '@backstage/plugin-catalog-graph', load: () => import('@backstage/plugin-catalog-graph/alpha') },
  { packageName: '@backstage/plugin-api-docs', load: () => import('@backstage/plugin-api-docs/alpha') },
  { packageName: '@backstage/plugin-org', load: () => import('@backstage/plugin-org/alpha') },
  { packageName: '@backstage/plugin-scaffolder', load: () => import('@backstage/plugin-scaffolder/alpha') },
  { packageName: '@backstage/plugin-search', load: () => import('@backstage/plugin-search/alpha') },
  { packageName: '@backstage/plugin-signals', load: () => import('@backstage/plugin-signals/alpha') },
  { packageName: '@backstage/plugin-user-settings', load: () => import('@backstage/plugin-user-settings/alpha') },
  {
    packageName: '@backstage/plugin-app-module-user-settings',
    load: () => import('@backstage/plugin-app-module-user-settings'),
  },
  { packageName: '@backstage/plugin-auth', load: () => import('@backstage/plugin-auth') },
];
