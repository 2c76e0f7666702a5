export { EcsNetworkingContent } from './EcsNetworkingContent';
