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
