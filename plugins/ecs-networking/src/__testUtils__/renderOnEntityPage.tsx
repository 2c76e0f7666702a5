import type { Entity } from '@backstage/catalog-model';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { ReactElement } from 'react';
import { ecsNetworkingApiRef, type EcsNetworkingApi } from '../api';
import { mockCatalog } from './apis';

/** Renders a card or tab as an entity page does, with catalog entity links mounted. */
export async function renderOnEntityPage(
  element: ReactElement,
  entity: Entity,
  api: EcsNetworkingApi,
  catalog = mockCatalog(),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [ecsNetworkingApiRef, api],
        [catalogApiRef, catalog],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
