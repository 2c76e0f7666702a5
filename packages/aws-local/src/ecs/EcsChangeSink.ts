import { Deployment, EcsService, Task } from './types';

/**
 * What the control plane reports as it changes: the moments ECS itself
 * emits events for (task state changes, deployment and service actions).
 * Optional, so the control plane works alone; the event bus listens here.
 */
export interface EcsChangeSink {
  /** A task reached RUNNING or STOPPED. */
  taskChanged(task: Task): void;
  deploymentChanged(
    service: EcsService,
    deployment: Deployment,
    eventName: 'SERVICE_DEPLOYMENT_IN_PROGRESS' | 'SERVICE_DEPLOYMENT_COMPLETED',
  ): void;
  serviceAction(
    service: EcsService,
    eventName: 'SERVICE_STEADY_STATE' | 'SERVICE_TASK_PLACEMENT_FAILURE',
    reason?: string,
  ): void;
}
