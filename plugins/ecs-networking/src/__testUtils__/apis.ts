import type { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { EcsNetworkingApi } from '../api';
import { scopeStatus } from './estate';

/** An ECS networking API whose methods are jest mocks; /status has one healthy scope. */
export function mockEcsNetworkingApi(
  overrides: Partial<EcsNetworkingApi> = {},
): jest.Mocked<EcsNetworkingApi> {
  return {
    getStatus: jest.fn(async () => ({
      generation: 1,
      scopes: [scopeStatus()],
    })),
    getNetwork: jest.fn(),
    lookup: jest.fn(),
    getEntityNetwork: jest.fn(),
    getChanges: jest.fn(async () => ({ since: '', until: '', changes: [], truncated: false })),
    getBlastRadius: jest.fn(async ({ hops = 3 }) => ({ generation: 1, targets: [], hops, callers: [], owners: [] })),
    ...overrides,
  } as jest.Mocked<EcsNetworkingApi>;
}

/** A catalog whose `getEntities` answers with these entities, whatever the filter. */
export function mockCatalog(entities: Entity[] = []) {
  return catalogApiMock.mock({
    getEntities: jest.fn(async () => ({ items: entities })),
  });
}
