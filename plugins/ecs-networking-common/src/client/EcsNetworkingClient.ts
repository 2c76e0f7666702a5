import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import type {
  BlastRadiusQuery,
  BlastRadiusResponse,
  ChangesQuery,
  ChangesResponse,
  EntityNetworkResponse,
  LookupResponse,
  NetworkResponse,
  SnapshotsQuery,
  SnapshotsResponse,
  StatusResponse,
} from '../api';
import { SNAPSHOTS_MAX_LIMIT } from '../api';
import type { ScopeSnapshot } from '../snapshot';

/**
 * What the client needs to reach the backend: in the browser the app's
 * `discoveryApi` and `fetchApi` (which attaches the user's token), in a
 * backend `coreServices.discovery` and the global `fetch`, with a service
 * token passed per request.
 *
 * @public
 */
export interface EcsNetworkingClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** Default: the global `fetch`. */
  fetchApi?: { fetch: typeof fetch };
}

/**
 * Per request, for callers that hold a token themselves. Backend plugins use
 * `ecsNetworkingServiceRef` (the -node package), whose `fetchApi` adds their
 * own service token; the frontend's `fetchApi` adds the user's.
 *
 * @public
 */
export interface EcsNetworkingRequestOptions {
  token?: string;
}

/**
 * Every stored snapshot, all of one generation, with the sync state of every
 * account × region.
 *
 * @public
 */
export interface EstateSnapshots extends StatusResponse {
  snapshots: ScopeSnapshot[];
}

/** `?a=1&b=x` of the given values, leaving out absent ones. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reading pages again from the start more often than this returns the mixed read. */
const SNAPSHOT_READ_ATTEMPTS = 3;

/**
 * The client of the `ecs-networking` backend plugin's HTTP API
 * (`/api/ecs-networking`), for the frontend and for other backend plugins
 * alike. Failures reject with a `ResponseError` (the backend's error and
 * status) or, when the backend cannot be reached at all, a
 * `ServiceUnavailableError` naming where it was looked for.
 *
 * @public
 */
export class EcsNetworkingClient {
  private readonly discoveryApi: EcsNetworkingClientOptions['discoveryApi'];
  private readonly fetchApi: NonNullable<EcsNetworkingClientOptions['fetchApi']>;

  constructor(options: EcsNetworkingClientOptions) {
    this.discoveryApi = options.discoveryApi;
    // Looked up at each call, unbound: browsers refuse `fetch` called on another object.
    this.fetchApi = options.fetchApi ?? { fetch: (input, init) => fetch(input, init) };
  }

  /** Sync state of every configured account × region. */
  getStatus(options?: EcsNetworkingRequestOptions): Promise<StatusResponse> {
    return this.get('/status', options);
  }

  /** The whole analyzed network with the sync state of every scope. */
  getNetwork(options?: EcsNetworkingRequestOptions): Promise<NetworkResponse> {
    return this.get('/network', options);
  }

  /**
   * Every stored snapshot, read page by page. The store can move on between
   * pages; the read starts over when it does, so the snapshots belong to one
   * generation (after a few attempts under constant change, the last read is
   * returned as it is).
   */
  async getSnapshots(options?: EcsNetworkingRequestOptions): Promise<EstateSnapshots> {
    for (let attempt = 1; ; attempt++) {
      const status = await this.getStatus(options);
      const snapshots: ScopeSnapshot[] = [];
      let generation = status.generation;
      let consistent = true;
      let offset: number | undefined = 0;
      while (offset !== undefined) {
        const page = await this.getSnapshotsPage({ offset, limit: SNAPSHOTS_MAX_LIMIT }, options);
        if (page.generation !== generation) {
          consistent = false;
          generation = page.generation;
        }
        snapshots.push(...page.items);
        offset = page.nextOffset;
      }
      if (consistent || attempt >= SNAPSHOT_READ_ATTEMPTS) {
        return { generation, scopes: status.scopes, snapshots };
      }
    }
  }

  /** Who owns an endpoint name, DNS name, task IP or ARN. */
  lookup(query: string, options?: EcsNetworkingRequestOptions): Promise<LookupResponse> {
    return this.get(`/lookup?q=${encodeURIComponent(query)}`, options);
  }

  /**
   * The network of one catalog entity. Rejects with a `ResponseError` of
   * status 404 when the caller may not see the entity.
   */
  getEntityNetwork(
    entityRef: CompoundEntityRef,
    options?: EcsNetworkingRequestOptions,
  ): Promise<EntityNetworkResponse> {
    const path = [entityRef.namespace, entityRef.kind, entityRef.name]
      .map(encodeURIComponent)
      .join('/');
    return this.get(`/entities/${path}`, options);
  }

  /** What changed in the network: the whole estate's, or one entity's and its neighbours'. */
  getChanges(query: ChangesQuery = {}, options?: EcsNetworkingRequestOptions): Promise<ChangesResponse> {
    return this.get(`/changes${queryString(query)}`, options);
  }

  /** Who is affected, hop by hop, when an entity's services or an endpoint fail. */
  getBlastRadius(query: BlastRadiusQuery, options?: EcsNetworkingRequestOptions): Promise<BlastRadiusResponse> {
    return this.get(`/blast-radius${queryString(query)}`, options);
  }

  private getSnapshotsPage(
    query: Required<SnapshotsQuery>,
    options?: EcsNetworkingRequestOptions,
  ): Promise<SnapshotsResponse> {
    return this.get(`/snapshots?offset=${query.offset}&limit=${query.limit}`, options);
  }

  private async get<T>(path: string, options?: EcsNetworkingRequestOptions): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ecs-networking');
    let response: Response;
    try {
      response = await (options?.token
        ? this.fetchApi.fetch(`${baseUrl}${path}`, {
            headers: { Authorization: `Bearer ${options.token}` },
          })
        : this.fetchApi.fetch(`${baseUrl}${path}`));
    } catch (error) {
      throw new ServiceUnavailableError(
        `Could not reach the ecs-networking plugin at ${baseUrl}: ${error}`,
      );
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    // Parsed here rather than with response.json(), so the values belong to
    // the caller's realm: the scaffolder's template engine refuses arrays of
    // another realm, which jest's sandbox would otherwise hand it.
    return JSON.parse(await response.text()) as T;
  }
}
