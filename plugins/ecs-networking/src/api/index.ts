export { ecsNetworkingApiRef } from './EcsNetworkingApi';
export type { EcsNetworkingApi } from './EcsNetworkingApi';
// One client for every caller of the backend; the frontend's factory gives
// it the app's discoveryApi and fetchApi (which attaches the user's token).
export { EcsNetworkingClient } from '@ecs-net/plugin-ecs-networking-common';
