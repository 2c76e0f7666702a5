/**
 * Backend plugin for ECS Networking: reads ECS services and Cloud Map across
 * accounts and regions and serves the service network.
 *
 * @packageDocumentation
 */
export { ecsNetworkingPlugin as default } from './plugin';
export { ecsNetworkingEstateReadPermission, ecsNetworkingPermissions } from './permissions';
