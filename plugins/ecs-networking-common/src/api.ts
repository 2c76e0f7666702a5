import type { LookupMatch } from './lookup';
import type { Edge, Endpoint, Finding, ModelService, NetworkModel } from './model';
import type { EcsTaskInfo, ScopeStatus } from './snapshot';

/**
 * Response bodies of the backend's HTTP API (`/api/ecs-networking`), shared
 * by the frontend, the catalog module and the scaffolder actions.
 */

/** `GET /status` @public */
export interface StatusResponse {
  /** Bumped on every store write; equal generations mean equal data. */
  generation: number;
  scopes: ScopeStatus[];
}

/** `GET /network` @public */
export interface NetworkResponse extends NetworkModel, StatusResponse {}

/** `GET /lookup?q=` @public */
export interface LookupResponse {
  query: string;
  matches: LookupMatch[];
}

/**
 * A service with its running tasks (served live, never stored in entities)
 * and the ARNs its findings are raised on (`findingSubjectsOf`), so a client
 * can tell which findings are about which service.
 *
 * @public
 */
export type LiveService = ModelService & { tasks: EcsTaskInfo[]; findingSubjects: string[] };

/**
 * `GET /entities/:namespace/:kind/:name`. For an ECS service Resource, an
 * endpoint API or a Component: its services with their endpoints, edges and
 * findings. For a Cloud Map namespace Resource: the endpoints named in it,
 * the services answering on them or calling through it with Service
 * Connect, and findings about the namespace; no edges.
 *
 * @public
 */
export interface EntityNetworkResponse {
  services: LiveService[];
  endpoints: Endpoint[];
  inbound: Edge[];
  outbound: Edge[];
  findings: Finding[];
  /** Sync state of the account × regions these services (or the namespace) live in. */
  scopes: ScopeStatus[];
}
