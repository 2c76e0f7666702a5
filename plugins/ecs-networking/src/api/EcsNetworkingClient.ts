import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  EntityNetworkResponse,
  LookupResponse,
  NetworkResponse,
  StatusResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import type { EcsNetworkingApi } from './EcsNetworkingApi';

/**
 * Talks to `/api/ecs-networking` with the signed-in user's credentials, which
 * `fetchApi` attaches.
 *
 * @public
 */
export class EcsNetworkingClient implements EcsNetworkingApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getStatus(): Promise<StatusResponse> {
    return this.get('/status');
  }

  getNetwork(): Promise<NetworkResponse> {
    return this.get('/network');
  }

  lookup(query: string): Promise<LookupResponse> {
    return this.get(`/lookup?q=${encodeURIComponent(query)}`);
  }

  getEntityNetwork(ref: CompoundEntityRef): Promise<EntityNetworkResponse> {
    const path = [ref.namespace, ref.kind, ref.name]
      .map(encodeURIComponent)
      .join('/');
    return this.get(`/entities/${path}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ecs-networking');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
