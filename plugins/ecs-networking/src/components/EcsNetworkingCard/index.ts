export { EcsNetworkingCard } from './EcsNetworkingCard';
