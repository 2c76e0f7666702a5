import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import ecsNetworkingPlugin from './alpha';
import { ecsNetworkingApiRef } from './api';
import { mockCatalog, mockEcsNetworkingApi } from './__testUtils__/apis';
import {
  entityNetworkOf,
  namespaceResource,
  networkResponse,
  serviceNamed,
  serviceResource,
  shopModel,
  shopSnapshots,
} from './__testUtils__/estate';

const model = shopModel();
const orders = serviceResource(serviceNamed(model, 'order-service'));
const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-orders' },
  spec: { type: 'team', children: [] },
};

// The pages link services to their catalog pages; an app's catalog plugin
// binds this route.
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function apis() {
  const api = mockEcsNetworkingApi({
    getEntityNetwork: jest.fn(async () =>
      entityNetworkOf(model, shopSnapshots(), ['order-service']),
    ),
    getNetwork: jest.fn(async () => networkResponse(model)),
  });
  return [
    [ecsNetworkingApiRef, api],
    [catalogApiRef, mockCatalog([orders])],
  ] as const;
}

describe('ecs-networking new frontend system plugin', () => {
  it('mounts the network page at /ecs-networking with a nav title', () => {
    const tester = createExtensionTester(
      ecsNetworkingPlugin.getExtension('page:ecs-networking'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/ecs-networking');
    expect(tester.get(coreExtensionData.title)).toBe('ECS Networking');
  });

  it('serves the network page from the installed plugin', async () => {
    const api = mockEcsNetworkingApi({
      getNetwork: jest.fn(async () => networkResponse(model)),
    });
    renderTestApp({
      features: [ecsNetworkingPlugin],
      initialRouteEntries: ['/ecs-networking'],
      mountedRoutes,
      apis: [
        [ecsNetworkingApiRef, api],
        [catalogApiRef, mockCatalog()],
      ],
    });
    expect(
      await screen.findByText('Showing 5 of 5 services, 3 findings'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'ECS Networking' }),
    ).toBeInTheDocument();
  });

  it('renders the entity card on an ECS service Resource', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: orders }),
        ecsNetworkingPlugin.getExtension('entity-card:ecs-networking'),
      ],
      mountedRoutes,
      apis: apis(),
    });
    const endpoints = await screen.findByRole('list', { name: 'Endpoints' });
    expect(within(endpoints).getByText('orders:8080')).toBeInTheDocument();
  });

  it('offers the card and the tab only where they apply', () => {
    const component: Entity = { ...group, kind: 'Component', spec: {} };
    for (const [id, filterRef] of [
      [
        'entity-card:ecs-networking',
        EntityCardBlueprint.dataRefs.filterFunction,
      ],
      [
        'entity-content:ecs-networking',
        EntityContentBlueprint.dataRefs.filterFunction,
      ],
    ] as const) {
      const applies = createExtensionTester(
        ecsNetworkingPlugin.getExtension(id),
      ).get(filterRef)!;
      expect(applies(orders)).toBe(true);
      expect(applies(component)).toBe(true);
      expect(applies(group)).toBe(false);
    }
  });

  it('offers the namespace card on namespace Resources only', () => {
    const applies = createExtensionTester(
      ecsNetworkingPlugin.getExtension('entity-card:ecs-networking/namespace'),
    ).get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(applies(namespaceResource(model, 'sc.local'))).toBe(true);
    expect(applies(orders)).toBe(false);
    expect(applies(group)).toBe(false);
  });

  it('renders the Network tab with the neighbourhood graph', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: orders }),
        ecsNetworkingPlugin.getExtension('entity-content:ecs-networking'),
      ],
      mountedRoutes,
      apis: apis(),
    });
    expect(
      await screen.findByRole('img', {
        name: /web calls order-service via orders:8080/,
      }),
    ).toBeInTheDocument();
  });
});
