/**
 * The ECS service tag keys the plugins read. All configurable, because
 * organisations already have tagging standards.
 *
 * @public
 */
export interface TagKeys {
  owner: string;
  system: string;
  lifecycle: string;
  /** Links the ECS service to an existing catalog Component by name or ref. */
  component: string;
  /**
   * Endpoint names, service names or ARNs the service calls, separated by
   * spaces: ECS tag values cannot hold commas (commas are accepted too).
   */
  dependsOn: string;
}

/** @public */
export const DEFAULT_TAG_KEYS: TagKeys = {
  owner: 'owner',
  system: 'system',
  lifecycle: 'lifecycle',
  component: 'component',
  dependsOn: 'depends-on',
};
