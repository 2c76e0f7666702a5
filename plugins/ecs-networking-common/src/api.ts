import type { BlastRadius } from './graph/blastRadius';
import type { NetworkChange } from './history/diffFacts';
import type { SnapshotUpdatedPayload } from './events';
import type { LookupMatch } from './lookup';
import type { Edge, Endpoint, Finding, ModelService, NetworkModel } from './model';
import type { EcsTaskInfo, ScopeSnapshot, ScopeStatus } from './snapshot';

/**
 * The backend's HTTP API (`/api/ecs-networking`): what every route takes and
 * returns. The backend's router, `EcsNetworkingClient` and its callers (the
 * frontend, the catalog module, the scaffolder actions) all use these types,
 * so the contract is written once.
 */

/** `GET /health`, the one route that needs no token. @public */
export interface HealthResponse {
  status: 'ok';
}

/** `GET /status` @public */
export interface StatusResponse {
  /** Bumped on every store write; equal generations mean equal data. */
  generation: number;
  scopes: ScopeStatus[];
}

/** `GET /network` @public */
export interface NetworkResponse extends NetworkModel, StatusResponse {}

/** Query of `GET /snapshots`. @public */
export interface SnapshotsQuery {
  /** Default 0. */
  offset?: number;
  /** Snapshots per page: 1 to `SNAPSHOTS_MAX_LIMIT`, default 10. */
  limit?: number;
}

/**
 * The largest page `GET /snapshots` serves: snapshots are large (one holds an
 * account × region), so a page is bounded by count.
 *
 * @public
 */
export const SNAPSHOTS_MAX_LIMIT = 100;

/**
 * `GET /snapshots?offset=&limit=`: stored snapshots, one per account ×
 * region, a page at a time. `generation` lets a client tell whether the store
 * moved on between its pages.
 *
 * @public
 */
export interface SnapshotsResponse {
  generation: number;
  total: number;
  items: ScopeSnapshot[];
  /** Offset of the next page; absent on the last. */
  nextOffset?: number;
}

/** Query of `GET /lookup`. @public */
export interface LookupQuery {
  /** Endpoint name, DNS name, URL, task IP, ARN or service name; 1 to 2048 characters. */
  q: string;
}

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
 * `GET /entities/:namespace/:kind/:name`, the path naming a catalog entity
 * (a `CompoundEntityRef`), which is read with the caller's credentials.
 * For an ECS service Resource, an
 * endpoint API or a Component: its services with their endpoints, edges and
 * findings. For a Cloud Map namespace Resource: the endpoints named in it,
 * the services answering on them or calling through it with Service
 * Connect, and findings about the namespace; no edges.
 *
 * @public
 */
export interface EntityNetworkResponse {
  /** The store generation answered from (see {@link StatusResponse}): a page polls /status and reloads when it moves. */
  generation: number;
  services: LiveService[];
  endpoints: Endpoint[];
  inbound: Edge[];
  outbound: Edge[];
  findings: Finding[];
  /** Sync state of the account × regions these services (or the namespace) live in. */
  scopes: ScopeStatus[];
}

/** What caused a generation whose changes were recorded: a full sync, or AWS change events. @public */
export type ChangeTrigger = SnapshotUpdatedPayload['trigger'];

/** A change as history recorded it. @public */
export interface RecordedChange extends NetworkChange {
  /** Ascending in recording order. */
  id: number;
  /** The store generation that made the change. */
  generation: number;
  /** When it was recorded (ISO 8601). */
  at: string;
  trigger: ChangeTrigger;
}

/** Query of `GET /changes`. @public */
export interface ChangesQuery {
  /** ISO 8601 time; default 24 hours before `until`. */
  since?: string;
  /** ISO 8601 time; default now. */
  until?: string;
  /** Only changes about this catalog entity's services (read with the caller's credentials). */
  entityRef?: string;
  /** With `entityRef`: also changes of services up to this many calls away, 0 – `MAX_HOPS`. Default 0. */
  hops?: number;
  /** A page of at most this many changes, newest first: 1 – `CHANGES_MAX_LIMIT`, default `CHANGES_PAGE_SIZE`. */
  limit?: number;
  /**
   * The next (older) page: a response's `nextBefore`, asked with the same
   * `since`, `until`, `entityRef` and `hops` (the response's `since` and
   * `until`, so a default window does not move between pages).
   */
  before?: string;
}

/** The most hops `GET /changes` and `GET /blast-radius` follow. @public */
export const MAX_HOPS = 5;

/** The page `GET /changes` serves when no `limit` is asked for. @public */
export const CHANGES_PAGE_SIZE = 100;

/** The largest page of `GET /changes`. @public */
export const CHANGES_MAX_LIMIT = 5000;

/**
 * `GET /changes?since=&until=&entityRef=&hops=&limit=&before=`: a page of
 * what changed in the network in a time window, newest first.
 *
 * @public
 */
export interface ChangesResponse {
  /** The window, resolved: ask the next page with these. */
  since: string;
  until: string;
  changes: RecordedChange[];
  /** True when the window holds older changes than this page's. */
  truncated: boolean;
  /**
   * When truncated, the cursor of the next (older) page, to pass as
   * `before`. Opaque; it names a place in the recorded order, so changes
   * recorded meanwhile (newer ones) neither shift nor repeat the pages.
   */
  nextBefore?: string;
}

/** Query of `GET /blast-radius`: exactly one of `entityRef` and `endpoint`. @public */
export interface BlastRadiusQuery {
  /** The services of this catalog entity (read with the caller's credentials). */
  entityRef?: string;
  /** An endpoint id, or a name as `GET /lookup` takes it (`orders:8080`, `mysql.app`). */
  endpoint?: string;
  /** Callers up to this many calls away, 1 – `MAX_HOPS`. Default 3. */
  hops?: number;
}

/**
 * `GET /blast-radius?entityRef=|endpoint=&hops=`: who is affected when
 * services or endpoints fail, by hop, with their owners.
 *
 * @public
 */
export interface BlastRadiusResponse extends BlastRadius {
  generation: number;
}
