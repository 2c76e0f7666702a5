/**
 * Backend plugin for ECS Networking: reads ECS services and Cloud Map across
 * accounts and regions and serves the service network.
 *
 * @packageDocumentation
 */
export { ecsNetworkingPlugin as default } from './plugin';
// Defined in common, where the frontend can read them too; exported here as well
// because permission policies have imported them from this package.
export {
  ecsNetworkingEstateReadPermission,
  ecsNetworkingPermissions,
} from '@ecs-net/plugin-ecs-networking-common';
// The engine the plugin runs, for running it outside a backend (benchmarks, tools).
export { createEcsNetworkingEngine } from './createEcsNetworkingEngine';
export type {
  EcsNetworkingEngine,
  EcsNetworkingEngineOptions,
} from './createEcsNetworkingEngine';
export type { EcsNetworkingConfig, ConfiguredScope } from './config';
export type { CatalogDependsOnReader, CatalogLinks } from './service/catalogDependencies';
export type { SyncEngine, SyncResult } from './sync/SyncEngine';
export type { NetworkService, NetworkView } from './service/NetworkService';
export type { SnapshotStore } from './store/SnapshotStore';
