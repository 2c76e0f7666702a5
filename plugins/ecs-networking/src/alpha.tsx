import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import DeviceHub from '@material-ui/icons/DeviceHub';
import { EcsNetworkingClient, ecsNetworkingApiRef } from './api';
import { isEcsNamespace } from './isEcsNamespace';
import { isEcsNetworkingAvailable } from './isEcsNetworkingAvailable';
import { rootRouteRef } from './routes';
import {
  ecsEndpointPickerFormField,
  ecsNamespacePickerFormField,
  ecsServicePickerFormField,
  ecsPlanCheckFormField,
  ecsAccountPickerFormField,
  ecsRegionPickerFormField,
  ecsClusterPickerFormField,
} from './scaffolder/alpha';

const ecsNetworkingApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ecsNetworkingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new EcsNetworkingClient(deps),
    }),
});

/** The page's title and icon also make its nav item. */
const ecsNetworkingPage = PageBlueprint.make({
  params: {
    path: '/ecs-networking',
    routeRef: rootRouteRef,
    title: 'ECS Networking',
    icon: <DeviceHub fontSize="inherit" />,
    loader: () =>
      // Content gives the page its margins (the grid's spacing needs them,
      // or it overflows the window); the page layout gives the title.
      Promise.all([
        import('@backstage/core-components'),
        import('./components/EcsNetworkingPage'),
      ]).then(([{ Content }, m]) => (
        <Content>
          <m.NetworkPageContent />
        </Content>
      )),
  },
});

/**
 * The files a scaffolder task generated, linked from the templates' output
 * (`ecs-networking:archive`). No route ref: a page with one gets a nav item,
 * and this page is only reached from a task's output.
 */
const generatedFilesPage = PageBlueprint.make({
  name: 'generated-files',
  params: {
    path: '/ecs-networking-files',
    loader: () =>
      import('./scaffolder/GeneratedFilesPage').then(m => (
        <m.GeneratedFilesPage />
      )),
  },
});

const ecsNetworkingEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isEcsNetworkingAvailable,
    loader: () =>
      import('./components/EcsNetworkingCard').then(m => (
        <m.EcsNetworkingCard />
      )),
  },
});

const ecsNamespaceEntityCard = EntityCardBlueprint.make({
  name: 'namespace',
  params: {
    filter: isEcsNamespace,
    loader: () =>
      import('./components/EcsNamespaceCard').then(m => (
        <m.EcsNamespaceCard />
      )),
  },
});

const ecsNetworkingEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'ecs-networking',
    title: 'Network',
    filter: isEcsNetworkingAvailable,
    loader: () =>
      import('./components/EcsNetworkingContent').then(m => (
        <m.EcsNetworkingContent />
      )),
  },
});

/**
 * The ECS networking plugin for the new frontend system: the client, the
 * network page with its nav item, the entity card, the namespace card, the
 * Network tab, the scaffolder form fields and the page of a scaffolder
 * task's generated files.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ecs-networking',
  title: 'ECS Networking',
  icon: <DeviceHub fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
  },
  extensions: [
    ecsNetworkingApi,
    ecsNetworkingPage,
    generatedFilesPage,
    ecsNetworkingEntityCard,
    ecsNamespaceEntityCard,
    ecsNetworkingEntityContent,
    ecsNamespacePickerFormField,
    ecsEndpointPickerFormField,
    ecsServicePickerFormField,
    ecsPlanCheckFormField,
    ecsAccountPickerFormField,
    ecsRegionPickerFormField,
    ecsClusterPickerFormField,
  ],
});
