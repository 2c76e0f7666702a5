export { ecsNetworkingApiRef } from './EcsNetworkingApi';
export type { EcsNetworkingApi } from './EcsNetworkingApi';
export { EcsNetworkingClient } from './EcsNetworkingClient';
