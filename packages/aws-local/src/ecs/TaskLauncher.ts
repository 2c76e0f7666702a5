import { now } from '../util/clock';
import { SubnetPool } from '../network/SubnetPool';
import { hexId } from '../util/ids';
import { EcsArns } from './ecsArns';
import { ServiceWiring, Wiring } from './ServiceWiring';
import {
  Cluster,
  ContainerInstance,
  Deployment,
  EcsService,
  Task,
  TaskDefinition,
} from './types';

// ECS keeps stopped tasks describable for about an hour; a bounded history
// per cluster gives the same effect without the clock.
const STOPPED_TASKS_KEPT = 1000;
const FIRST_DYNAMIC_PORT = 32768;

export interface LaunchResult {
  launched: Task[];
  /** Why tasks could not be placed, worded like ECS service events. */
  problems: string[];
}

/** Places, starts and stops the tasks of services. */
export class TaskLauncher {
  private sequence = 0;

  constructor(
    private readonly accountId: string,
    private readonly region: string,
    private readonly arns: EcsArns,
    private readonly network: SubnetPool,
    private readonly wiring: ServiceWiring,
  ) {}

  launch(
    cluster: Cluster,
    service: EcsService,
    deployment: Deployment,
    td: TaskDefinition,
    wiring: Wiring,
    count: number,
  ): LaunchResult {
    const launched: Task[] = [];
    const problems = new Set<string>();
    for (let i = 0; i < count; i++) {
      const task = this.place(cluster, service, deployment, td, problems);
      if (!task) break;
      cluster.tasks.set(task.taskId, task);
      service.tasks.set(task.taskId, task);
      this.wiring.register(task, wiring, {
        clusterName: cluster.clusterName,
        serviceName: service.serviceName,
        family: td.family,
        region: this.region,
      });
      launched.push(task);
    }
    return { launched, problems: [...problems] };
  }

  stop(cluster: Cluster, task: Task, reason: string): void {
    this.wiring.deregister(task);
    if (task.eni) this.network.release(task.eni);
    if (task.containerInstance) task.containerInstance.runningTasks--;
    task.lastStatus = 'STOPPED';
    task.stoppedAt = now();
    task.stoppedReason = reason;
    cluster.tasks.delete(task.taskId);
    cluster.services.get(task.serviceName ?? '')?.tasks.delete(task.taskId);
    cluster.stoppedTasks.set(task.taskId, task);
    if (cluster.stoppedTasks.size > STOPPED_TASKS_KEPT) {
      cluster.stoppedTasks.delete(cluster.stoppedTasks.keys().next().value!);
    }
  }

  private place(
    cluster: Cluster,
    service: EcsService,
    deployment: Deployment,
    td: TaskDefinition,
    problems: Set<string>,
  ): Task | undefined {
    const seq = this.sequence++;
    const taskId = hexId(32, this.accountId, this.region, 'task', seq);
    const at = now();
    const task: Task = {
      taskId,
      taskArn: this.arns.task(cluster.clusterName, taskId),
      clusterName: cluster.clusterName,
      serviceName: service.serviceName,
      taskDefinitionArn: td.taskDefinitionArn,
      family: td.family,
      startedBy: deployment.id,
      group: `service:${service.serviceName}`,
      launchType: deployment.launchType,
      networkMode: td.networkMode,
      hostPorts: new Map(),
      availabilityZone: '',
      createdAt: at,
      startedAt: at,
      lastStatus: 'RUNNING',
      registrations: [],
      tags: [],
    };
    if (td.networkMode === 'awsvpc') {
      const subnets =
        deployment.networkConfiguration?.awsvpcConfiguration?.subnets ?? [];
      // Rotating the first subnet spreads tasks across zones as ECS does.
      const start = service.tasks.size % Math.max(subnets.length, 1);
      const ordered = [...subnets.slice(start), ...subnets.slice(0, start)];
      const eni = this.network.lease(ordered);
      if (!eni) {
        problems.add(
          `(service ${
            service.serviceName
          }) was unable to place a task. Reason: ResourceInitializationError: the subnets ${subnets.join(
            ', ',
          )} have no free IP addresses.`,
        );
        return undefined;
      }
      task.eni = eni;
      task.availabilityZone = eni.availabilityZone;
      return task;
    }
    const instance = this.leastLoaded(cluster.containerInstances);
    if (!instance) {
      problems.add(
        `(service ${service.serviceName}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.`,
      );
      return undefined;
    }
    instance.runningTasks++;
    task.containerInstance = instance;
    task.availabilityZone = instance.lease.availabilityZone;
    for (const container of td.containerDefinitions) {
      for (const pm of container.portMappings ?? []) {
        if (pm.containerPort === undefined) continue;
        const hostPort =
          td.networkMode === 'host' || (pm.hostPort ?? 0) > 0
            ? pm.hostPort || pm.containerPort
            : instance.nextDynamicPort++;
        task.hostPorts.set(`${container.name}:${pm.containerPort}`, hostPort);
      }
    }
    return task;
  }

  private leastLoaded(
    instances: ContainerInstance[],
  ): ContainerInstance | undefined {
    let best: ContainerInstance | undefined;
    for (const instance of instances) {
      if (!best || instance.runningTasks < best.runningTasks) best = instance;
    }
    return best;
  }

  /** Brings up a container instance (EC2 host) on an address in the given subnets. */
  addContainerInstance(
    cluster: Cluster,
    subnetIds: string[],
  ): ContainerInstance {
    const index = cluster.containerInstances.length;
    const lease = this.network.lease([
      ...subnetIds.slice(index % subnetIds.length),
      ...subnetIds.slice(0, index % subnetIds.length),
    ]);
    if (!lease) {
      throw new Error(
        `no free address for a container instance in ${subnetIds.join(', ')}`,
      );
    }
    const id = hexId(
      32,
      this.accountId,
      this.region,
      'container-instance',
      cluster.clusterName,
      index,
    );
    const instance: ContainerInstance = {
      id,
      arn: this.arns.containerInstance(cluster.clusterName, id),
      ec2InstanceId: `i-${hexId(
        17,
        this.accountId,
        this.region,
        'ec2',
        cluster.clusterName,
        index,
      )}`,
      lease,
      registeredAt: now(),
      nextDynamicPort: FIRST_DYNAMIC_PORT,
      runningTasks: 0,
    };
    cluster.containerInstances.push(instance);
    return instance;
  }
}
