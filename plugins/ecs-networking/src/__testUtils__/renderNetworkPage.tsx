import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';
import { ecsNetworkingApiRef } from '../api';
import { EcsNetworkingPage } from '../components/EcsNetworkingPage';
import { mockCatalog, mockEcsNetworkingApi } from './apis';
import { networkResponse, shopModel } from './estate';

/** The network page over the shop estate, with these scope statuses. */
export function renderNetworkPage(scopes: ScopeStatus[]) {
  const api = mockEcsNetworkingApi({
    getNetwork: jest.fn(async () => networkResponse(shopModel(), scopes)),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [ecsNetworkingApiRef, api],
        [catalogApiRef, mockCatalog()],
      ]}
    >
      <EcsNetworkingPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
