export { EcsNetworkingPage } from './EcsNetworkingPage';
export { NetworkPageContent } from './NetworkPageContent';
