/**
 * Backend plugin for ECS Networking: reads ECS services and Cloud Map across
 * accounts and regions and serves the service network.
 *
 * @packageDocumentation
 */
export { ecsNetworkingPlugin as default } from './plugin';
export { ScopeReader } from './reader/ScopeReader';
export type { ScopeConfig, ScopeReadResult } from './reader/ScopeReader';
export type { CallStats } from './aws/CallStats';
export type { AwsTimeouts } from './aws/scopeClients';
export { ENRICHMENTS } from './reader/ReadNotes';
export type { Enrichment } from './reader/ReadNotes';
export { ecsNetworkingEstateReadPermission, ecsNetworkingPermissions } from './permissions';
