import { now } from '../util/clock';
import { EcsTag } from '../util/tags';
import { EcsArns, nameFromRef } from './ecsArns';
import { ecsErrors } from './ecsErrors';
import {
  ContainerDefinition,
  NetworkMode,
  PortMapping,
  TaskDefinition,
} from './types';

export interface RegisterTaskDefinitionInput {
  family: string;
  containerDefinitions: ContainerDefinition[];
  networkMode?: NetworkMode;
  requiresCompatibilities?: string[];
  tags?: EcsTag[];
  [member: string]: unknown;
}

const FAMILY_PATTERN = /^[a-zA-Z0-9_-]{1,255}$/;
const PORT_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?$/;

/** Task definition families and their revisions in one account × region. */
export class TaskDefinitionRegistry {
  private readonly families = new Map<string, TaskDefinition[]>();
  private readonly tagsByArn = new Map<string, EcsTag[]>();

  constructor(private readonly arns: EcsArns) {}

  register(
    input: RegisterTaskDefinitionInput,
    registeredBy: string,
  ): TaskDefinition {
    const { family, containerDefinitions, tags, ...rest } = input;
    if (!FAMILY_PATTERN.test(family)) {
      throw ecsErrors.client(
        'Family contains invalid characters; up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.',
      );
    }
    if (
      !Array.isArray(containerDefinitions) ||
      containerDefinitions.length === 0
    ) {
      throw ecsErrors.client('Container list cannot be empty.');
    }
    const networkMode = input.networkMode ?? 'bridge';
    if (
      input.requiresCompatibilities?.includes('FARGATE') &&
      networkMode !== 'awsvpc'
    ) {
      throw ecsErrors.client("Fargate only supports network mode 'awsvpc'.");
    }
    // Fargate sizes the task, not its containers; EC2 tasks may leave both
    // out. ECS hands both back as strings ("256", "512").
    for (const size of ['cpu', 'memory'] as const) {
      if (input.requiresCompatibilities?.includes('FARGATE') && !rest[size]) {
        throw ecsErrors.client(
          `Fargate requires that '${size}' be defined at the task level.`,
        );
      }
    }
    const containers = containerDefinitions.map(c =>
      this.normaliseContainer(c, networkMode),
    );
    this.checkPortNames(containers);

    const revisions = this.families.get(family) ?? [];
    const revision = revisions.length + 1;
    const arn = this.arns.taskDefinition(family, revision);
    const definition: TaskDefinition = {
      ...rest,
      taskDefinitionArn: arn,
      family,
      revision,
      status: 'ACTIVE',
      networkMode,
      containerDefinitions: containers,
      volumes: rest.volumes ?? [],
      placementConstraints: rest.placementConstraints ?? [],
      compatibilities: networkMode === 'awsvpc' ? ['EC2', 'FARGATE'] : ['EC2'],
      requiresAttributes: this.requiredAttributes(networkMode),
      registeredAt: now(),
      registeredBy,
    };
    revisions.push(definition);
    this.families.set(family, revisions);
    this.tagsByArn.set(arn, tags ?? []);
    return definition;
  }

  /**
   * Resolves `family`, `family:revision` or an ARN; a bare family means its
   * latest ACTIVE revision, as in CreateService and DescribeTaskDefinition.
   */
  find(ref: string): TaskDefinition | undefined {
    const name = nameFromRef(ref);
    const colon = name.lastIndexOf(':');
    if (colon < 0) {
      const revisions = this.families.get(name) ?? [];
      return [...revisions].reverse().find(td => td.status === 'ACTIVE');
    }
    const revisions = this.families.get(name.slice(0, colon));
    return revisions?.[Number(name.slice(colon + 1)) - 1];
  }

  resolve(ref: string): TaskDefinition {
    const definition = this.find(ref);
    if (!definition) {
      throw ecsErrors.client('Unable to describe task definition.');
    }
    return definition;
  }

  deregister(ref: string): TaskDefinition {
    const definition = this.resolve(ref);
    if (!nameFromRef(ref).includes(':')) {
      throw ecsErrors.invalidParameter(
        'The specified task definition must include a revision (family:revision).',
      );
    }
    definition.status = 'INACTIVE';
    return definition;
  }

  list(familyPrefix: string | undefined, status: string): TaskDefinition[] {
    const out: TaskDefinition[] = [];
    for (const family of [...this.families.keys()].sort()) {
      if (familyPrefix && !family.startsWith(familyPrefix)) continue;
      for (const definition of this.families.get(family)!) {
        if (definition.status === status) out.push(definition);
      }
    }
    return out;
  }

  listFamilies(familyPrefix: string | undefined, status: string): string[] {
    return [...this.families.entries()]
      .filter(([family, revisions]) => {
        if (familyPrefix && !family.startsWith(familyPrefix)) return false;
        const active = revisions.some(td => td.status === 'ACTIVE');
        if (status === 'ALL') return true;
        return status === 'ACTIVE' ? active : !active;
      })
      .map(([family]) => family)
      .sort();
  }

  hasArn(arn: string): boolean {
    return this.tagsByArn.has(arn);
  }

  tagsOf(arn: string): EcsTag[] {
    return this.tagsByArn.get(arn) ?? [];
  }

  setTags(arn: string, tags: EcsTag[]): void {
    this.tagsByArn.set(arn, tags);
  }

  private normaliseContainer(
    container: ContainerDefinition,
    networkMode: NetworkMode,
  ): ContainerDefinition {
    if (
      !container ||
      typeof container.name !== 'string' ||
      container.name === ''
    ) {
      throw ecsErrors.client('Container.name should not be null or empty.');
    }
    const portMappings = (container.portMappings ?? []).map(
      (pm): PortMapping => {
        if (
          pm.containerPort === undefined &&
          pm.containerPortRange === undefined
        ) {
          throw ecsErrors.client(
            `Container.portMappings of ${container.name} must specify containerPort.`,
          );
        }
        const pinned = networkMode === 'awsvpc' || networkMode === 'host';
        if (
          pinned &&
          pm.hostPort !== undefined &&
          pm.hostPort !== pm.containerPort
        ) {
          throw ecsErrors.client(
            `When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`,
          );
        }
        return {
          ...pm,
          hostPort: pinned ? pm.containerPort : pm.hostPort ?? 0,
          protocol: pm.protocol ?? 'tcp',
        };
      },
    );
    return {
      cpu: 0,
      essential: true,
      environment: [],
      mountPoints: [],
      volumesFrom: [],
      ...container,
      portMappings,
    };
  }

  private checkPortNames(containers: ContainerDefinition[]): void {
    const seen = new Set<string>();
    for (const container of containers) {
      for (const pm of container.portMappings ?? []) {
        if (pm.name === undefined) continue;
        if (!PORT_NAME_PATTERN.test(pm.name)) {
          throw ecsErrors.client(
            `Port mapping name '${pm.name}' is invalid; use up to 64 lowercase letters, numbers, underscores and hyphens, not starting or ending with a hyphen or underscore.`,
          );
        }
        if (seen.has(pm.name)) {
          throw ecsErrors.client(
            `Port mapping name '${pm.name}' is used more than once; port mapping names must be unique within a task definition.`,
          );
        }
        seen.add(pm.name);
      }
    }
  }

  private requiredAttributes(networkMode: NetworkMode) {
    const attributes = [
      { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' },
    ];
    if (networkMode === 'awsvpc') {
      attributes.push({ name: 'ecs.capability.task-eni' });
    }
    return attributes;
  }
}
