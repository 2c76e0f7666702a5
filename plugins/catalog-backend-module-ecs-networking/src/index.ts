/**
 * Catalog module for ECS Networking: ECS services, Cloud Map namespaces and
 * endpoints as catalog entities.
 *
 * @packageDocumentation
 */
export { catalogModuleEcsNetworking as default } from './module/catalogModuleEcsNetworking';
export { EcsNetworkingEntityProvider } from './provider/EcsNetworkingEntityProvider';
export type { EcsNetworkingRefreshOptions } from './provider/EcsNetworkingEntityProvider';
export { EcsServiceApiRelationsProcessor } from './processor/EcsServiceApiRelationsProcessor';
export { buildEntities } from './provider/buildEntities';
