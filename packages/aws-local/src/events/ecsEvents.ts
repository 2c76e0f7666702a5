import type { EcsChangeSink } from '../ecs/EcsChangeSink';
import type { EcsControlPlane } from '../ecs/EcsControlPlane';
import { taskToWire } from '../ecs/ecsWire';
import type { Deployment, EcsService, Task } from '../ecs/types';
import { now } from '../util/clock';
import { EventBridgeEvent, eventBridgeEvent } from './eventEnvelope';

/**
 * Turns the control plane's changes into the events ECS sends to
 * EventBridge: `ECS Task State Change` (the task as DescribeTasks shows it,
 * with its `version`), `ECS Deployment State Change` and `ECS Service Action`.
 */
export class EcsEventSource implements EcsChangeSink {
  constructor(
    private readonly plane: EcsControlPlane,
    private readonly publish: (event: EventBridgeEvent) => void,
  ) {}

  taskChanged(task: Task): void {
    const td = this.plane.taskDefinitions.find(task.taskDefinitionArn);
    const detail = taskToWire(task, td, this.plane.arns, []);
    this.publish(
      this.event('ECS Task State Change', [task.taskArn], {
        ...detail,
        desiredStatus: task.lastStatus,
        updatedAt: now(),
      }),
    );
  }

  deploymentChanged(
    service: EcsService,
    deployment: Deployment,
    eventName: 'SERVICE_DEPLOYMENT_IN_PROGRESS' | 'SERVICE_DEPLOYMENT_COMPLETED',
  ): void {
    const state = eventName === 'SERVICE_DEPLOYMENT_COMPLETED' ? 'completed' : 'in progress';
    this.publish(
      this.event('ECS Deployment State Change', [service.serviceArn], {
        eventType: 'INFO',
        eventName,
        deploymentId: deployment.id,
        updatedAt: now(),
        reason: `ECS deployment ${deployment.id} ${state}.`,
      }),
    );
  }

  serviceAction(
    service: EcsService,
    eventName: 'SERVICE_STEADY_STATE' | 'SERVICE_TASK_PLACEMENT_FAILURE',
    reason?: string,
  ): void {
    this.publish(
      this.event('ECS Service Action', [service.serviceArn], {
        eventType: eventName === 'SERVICE_STEADY_STATE' ? 'INFO' : 'ERROR',
        eventName,
        clusterArn: this.plane.arns.cluster(service.clusterName),
        createdAt: now(),
        ...(reason ? { reason } : {}),
      }),
    );
  }

  private event(
    detailType: string,
    resources: string[],
    detail: Record<string, unknown>,
  ): EventBridgeEvent {
    return eventBridgeEvent({
      detailType,
      source: 'aws.ecs',
      account: this.plane.accountId,
      region: this.plane.region,
      resources,
      detail,
    });
  }
}
