import { DescribeTaskDefinitionCommand, ECSClient, TaskDefinition } from '@aws-sdk/client-ecs';
import {
  ContainerReference,
  extractReferences,
  NetworkMode,
  TaskDefinitionInfo,
} from '@ecs-net/plugin-ecs-networking-common';
import { mapLimited } from './paging';

/**
 * Task definitions are immutable per ARN, so each is described once for the
 * life of the process. Only the digest is kept: structure, sizes, secret
 * references (`valueFrom` names a secret; ECS resolves it at task start) and
 * address-shaped references. Raw environment values and commands are dropped
 * as soon as the response is parsed; they may hold secrets.
 *
 * The digest stays in memory only: its references are not yet matched
 * against known endpoints, so they must not be stored or served (the sync
 * filters them before anything is written).
 */
export class TaskDefinitionCache {
  private readonly digests = new Map<string, TaskDefinitionInfo>();

  async getMany(
    ecs: ECSClient,
    arns: string[],
    concurrency: number,
  ): Promise<TaskDefinitionInfo[]> {
    const missing = [...new Set(arns)].filter(arn => !this.digests.has(arn));
    await mapLimited(missing, concurrency, async arn => {
      const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }));
      if (out.taskDefinition) this.digests.set(arn, digest(out.taskDefinition));
    });
    return [...new Set(arns)].flatMap(arn => this.digests.get(arn) ?? []);
  }

  get size(): number {
    return this.digests.size;
  }
}

function referencesOf(container: NonNullable<TaskDefinition['containerDefinitions']>[number]) {
  const found: ContainerReference[][] = [];
  for (const variable of container.environment ?? []) {
    if (variable.name && variable.value) {
      found.push(extractReferences(variable.value, { kind: 'environment', variable: variable.name }));
    }
  }
  for (const part of container.command ?? []) {
    found.push(extractReferences(part, { kind: 'command' }));
  }
  for (const part of container.entryPoint ?? []) {
    found.push(extractReferences(part, { kind: 'entryPoint' }));
  }
  // A value may repeat one address thousands of times; the digest lives as
  // long as the process, so it keeps each reference once per source.
  const references = new Map<string, ContainerReference>();
  for (const reference of found.flat()) {
    references.set(`${reference.text}\u0000${JSON.stringify(reference.source)}`, reference);
  }
  return [...references.values()];
}

function digest(definition: TaskDefinition): TaskDefinitionInfo {
  return {
    arn: definition.taskDefinitionArn!,
    family: definition.family!,
    revision: definition.revision ?? 0,
    networkMode: (definition.networkMode ?? 'bridge') as NetworkMode,
    cpu: definition.cpu,
    memory: definition.memory,
    requiresCompatibilities: definition.requiresCompatibilities,
    proxyConfiguration: definition.proxyConfiguration?.type
      ? {
          type: definition.proxyConfiguration.type,
          containerName: definition.proxyConfiguration.containerName ?? '',
        }
      : undefined,
    containers: (definition.containerDefinitions ?? []).map(container => ({
      name: container.name!,
      image: container.image,
      essential: container.essential,
      cpu: container.cpu,
      memory: container.memory,
      memoryReservation: container.memoryReservation,
      portMappings: (container.portMappings ?? []).map(mapping => ({
        name: mapping.name,
        containerPort: mapping.containerPort,
        hostPort: mapping.hostPort,
        protocol: mapping.protocol,
        appProtocol: mapping.appProtocol,
      })),
      secrets: (container.secrets ?? []).flatMap(({ name, valueFrom }) => (name && valueFrom ? [{ name, valueFrom }] : [])),
      references: referencesOf(container),
    })),
  };
}
