/**
 * Shared types and pure analysis for ECS Networking: the snapshot of an AWS
 * account × region, the network model (endpoints, dependency edges, findings),
 * the wiring lint rules and the ownership lookup; the backend's HTTP API
 * (route types, `EcsNetworkingClient`, permissions) and the readers of the
 * `ecsNetworking` settings several packages share.
 *
 * @packageDocumentation
 */

export * from './snapshot';
export * from './model';
export * from './annotations';
export * from './events';
export * from './tagKeys';
export * from './options';
export { isObservedEdge, NETWORK_EVIDENCE, observedPairs, pairKey } from './drift';
export type { ComponentDeclarations, DeclaredDependency, DriftInput } from './drift';
export { analyzeNetwork } from './analyze';
export { buildEndpoints, effectiveDiscoveryName } from './endpoints';
export { endpointSettings } from './endpointSettings';
export { formatDot, formatMermaid } from './graphText';
export {
  createReferenceIndex,
  extractReferences,
  filterReferences,
  looksInternal,
  retainReferences,
} from './references';
export type { ReferenceIndex } from './references';
export * from './rules';
export { createLookupIndex } from './lookup';
export { serviceConnectRegistry } from './serviceConnectRegistry';
export { findingSubjectsOf, openErrorsOf } from './findingSubjects';
export * from './severity';
export * from './nameRules';
export * from './awsNameRules';
export { arnResourceName, parseArn } from './arns';
export { entityRefFromTag } from './entityRefs';
export { appMeshUseOf } from './appMesh';
export type { AppMeshUse } from './appMesh';
export { factId, networkFacts } from './history/networkFacts';
export type { NetworkFact, NetworkFactKind, NetworkFactsOptions } from './history/networkFacts';
export { describeAttributeChange, diffFacts, diffFactsById } from './history/diffFacts';
export { callGraph, neighbourhood } from './graph/callGraph';
export type { CallGraph } from './graph/callGraph';
export { blastRadius, presentService } from './graph/blastRadius';
export { GENERATED_ARCHIVE_ROUTE } from './generatedArchive';
export type { GeneratedArchive } from './generatedArchive';
export type {
  BlastRadius,
  BlastRadiusCall,
  BlastRadiusCaller,
  BlastRadiusOptions,
  BlastRadiusService,
} from './graph/blastRadius';
export type { AttributeChange, ChangeAction, NetworkChange } from './history/diffFacts';
export { CHANGES_MAX_LIMIT, CHANGES_PAGE_SIZE, MAX_HOPS, SNAPSHOTS_MAX_LIMIT } from './api';
export type {
  BlastRadiusQuery,
  BlastRadiusResponse,
  ChangesQuery,
  ChangesResponse,
  ChangeTrigger,
  EntityNetworkResponse,
  HealthResponse,
  LiveService,
  LookupQuery,
  LookupResponse,
  NetworkResponse,
  RecordedChange,
  SnapshotsQuery,
  SnapshotsResponse,
  StatusResponse,
} from './api';
export { EcsNetworkingClient } from './client/EcsNetworkingClient';
export type {
  EcsNetworkingClientOptions,
  EcsNetworkingRequestOptions,
  EstateSnapshots,
} from './client/EcsNetworkingClient';
export { ecsNetworkingEstateReadPermission, ecsNetworkingPermissions } from './permissions';
export { invalidConfig, readConfigAt } from './config/configErrors';
export { readTagKeys } from './config/readTagKeys';
export { readDefaultOwner } from './config/readDefaultOwner';
export type { LookupIndex, LookupMatch, LookupMatchKind } from './lookup';
export type { ScopeIndex, Scoped } from './scopeIndex';
export type { EndpointIndex } from './endpointIndex';
export * from './plan';
export * from './migration/serviceMigration';
