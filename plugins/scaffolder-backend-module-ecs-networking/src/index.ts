/**
 * Scaffolder module for ECS Networking: actions that check a new service's
 * Service Connect / Service Discovery wiring against the live ECS network
 * and against the Terraform a template generated.
 *
 * @packageDocumentation
 */

export { scaffolderModuleEcsNetworking as default } from './module';
export { createValidateAction, VALIDATE_ACTION_ID } from './actions/validate';
// Its home is the -node package, shared with the backend plugin's
// `ecs-networking:validate-service`; still exported here for existing callers.
export { validateInputSchema } from '@ecs-net/plugin-ecs-networking-node';
export {
  createValidateTerraformAction,
  validateTerraformInputSchema,
  VALIDATE_TERRAFORM_ACTION_ID,
} from './actions/validateTerraform';
export {
  createDescribeServiceAction,
  describeServiceInputSchema,
  DESCRIBE_SERVICE_ACTION_ID,
} from './actions/describeService';
export {
  createSourceRepositoryAction,
  sourceRepositoryInputSchema,
  SOURCE_REPOSITORY_ACTION_ID,
} from './actions/sourceRepository';
export { HttpLiveNetworkSource } from './live/liveNetworkSource';
export type { LiveNetworkSource } from './live/liveNetworkSource';
export type {
  LiveNetwork,
  PlannedService,
  Problem,
} from '@ecs-net/plugin-ecs-networking-common';
