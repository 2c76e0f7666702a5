import { CallContext, JsonService } from '../protocol/CallContext';
import { InputReader, JsonObject } from '../util/InputReader';
import { paginate, PageLimits } from '../util/paging';
import { EcsTag } from '../util/tags';
import { EcsControlPlane } from '../ecs/EcsControlPlane';
import { ecsErrors } from '../ecs/ecsErrors';
import { nameFromRef } from '../ecs/ecsArns';
import {
  clusterToWire,
  containerInstanceToWire,
  serviceToWire,
  taskToWire,
} from '../ecs/ecsWire';
import {
  Cluster,
  ContainerDefinition,
  NetworkMode,
  ServiceConnectConfiguration,
  ServiceRegistry,
  VpcLatticeConfiguration,
} from '../ecs/types';

const reader = (input: JsonObject) =>
  new InputReader(input, ecsErrors.invalidParameter);

function limits(defaultSize: number, maxSize = 100): PageLimits {
  return {
    defaultSize,
    maxSize,
    memberName: 'maxResults',
    invalid: ecsErrors.invalidParameter,
  };
}

function page(input: InputReader) {
  return {
    maxResults: input.optNumber('maxResults'),
    nextToken: input.optString('nextToken'),
  };
}

/** Lists of names a Describe call accepts, with ECS's own size limit. */
function names(
  input: InputReader,
  member: string,
  max: number,
  fallback?: string[],
): string[] {
  const list = input.optStrings(member) ?? fallback;
  if (!list || list.length === 0) {
    throw ecsErrors.invalidParameter(`${member} can not be empty.`);
  }
  if (list.length > max) {
    throw ecsErrors.invalidParameter(
      `${member} can have at most ${max} items.`,
    );
  }
  return list;
}

/**
 * ECS refuses a task definition over 64 KiB of JSON. Only API calls are
 * measured: an estate may seed a larger one, so readers can be tested on
 * what no registration could produce.
 */
const MAX_TASK_DEFINITION_BYTES = 65536;

function checkTaskDefinitionSize(raw: JsonObject): void {
  const size = Buffer.byteLength(JSON.stringify(raw), 'utf8');
  if (size > MAX_TASK_DEFINITION_BYTES) {
    throw ecsErrors.client(
      `Actual length: '${size}'. Max allowed length is '${MAX_TASK_DEFINITION_BYTES}' bytes.`,
    );
  }
}

function ecs(ctx: CallContext): EcsControlPlane {
  return ctx.partition.ecs;
}

function cluster(ctx: CallContext, input: InputReader): Cluster {
  return ecs(ctx).getCluster(input.optString('cluster'));
}

export const ecsApi: JsonService = {
  signingName: 'ecs',
  targetPrefix: 'AmazonEC2ContainerServiceV20141113',
  contentType: 'application/x-amz-json-1.1',
  messageMember: 'message',
  operations: {
    CreateCluster(ctx, raw) {
      const input = reader(raw);
      const created = ecs(ctx).createCluster({
        clusterName: input.optString('clusterName'),
        tags: input.optArray<EcsTag>('tags'),
        settings: input.optArray('settings'),
        configuration: input.optObject('configuration'),
        capacityProviders: input.optStrings('capacityProviders'),
        defaultCapacityProviderStrategy: input.optArray(
          'defaultCapacityProviderStrategy',
        ),
        serviceConnectDefaults: input.optObject('serviceConnectDefaults'),
      });
      return {
        cluster: clusterToWire(created, ['TAGS', 'SETTINGS', 'CONFIGURATIONS']),
      };
    },

    DescribeClusters(ctx, raw) {
      const input = reader(raw);
      const include = input.optStrings('include') ?? [];
      const clusters = [];
      const failures = [];
      for (const ref of names(input, 'clusters', 100, ['default'])) {
        const found = ecs(ctx).findCluster(ref);
        if (found) {
          clusters.push(clusterToWire(found, include));
        } else {
          failures.push({
            arn: ref.startsWith('arn:') ? ref : ecs(ctx).arns.cluster(ref),
            reason: 'MISSING',
          });
        }
      }
      return { clusters, failures };
    },

    ListClusters(ctx, raw) {
      const input = reader(raw);
      const arns = ecs(ctx)
        .listClusters()
        .map(c => c.clusterArn);
      const result = paginate(arns, page(input), limits(100), 'ListClusters');
      return { clusterArns: result.items, nextToken: result.nextToken };
    },

    RegisterTaskDefinition(ctx, raw) {
      checkTaskDefinitionSize(raw);
      const input = reader(raw);
      const td = ecs(ctx).registerTaskDefinition(
        {
          ...raw,
          family: input.string('family'),
          containerDefinitions:
            input.optArray<ContainerDefinition>('containerDefinitions') ?? [],
          networkMode: input.optString('networkMode') as
            | NetworkMode
            | undefined,
          requiresCompatibilities: input.optStrings('requiresCompatibilities'),
          tags: input.optArray<EcsTag>('tags'),
        },
        ctx.principal.arn,
      );
      return {
        taskDefinition: td,
        tags: ecs(ctx).taskDefinitions.tagsOf(td.taskDefinitionArn),
      };
    },

    DeregisterTaskDefinition(ctx, raw) {
      const input = reader(raw);
      return {
        taskDefinition: ecs(ctx).taskDefinitions.deregister(
          input.string('taskDefinition'),
        ),
      };
    },

    DescribeTaskDefinition(ctx, raw) {
      const input = reader(raw);
      const td = ecs(ctx).taskDefinitions.resolve(
        input.string('taskDefinition'),
      );
      const include = input.optStrings('include') ?? [];
      return {
        taskDefinition: td,
        tags: include.includes('TAGS')
          ? ecs(ctx).taskDefinitions.tagsOf(td.taskDefinitionArn)
          : undefined,
      };
    },

    ListTaskDefinitions(ctx, raw) {
      const input = reader(raw);
      const status = input.optString('status') ?? 'ACTIVE';
      const familyPrefix = input.optString('familyPrefix');
      const arns = ecs(ctx)
        .taskDefinitions.list(familyPrefix, status)
        .map(td => td.taskDefinitionArn);
      if (input.optString('sort') === 'DESC') arns.reverse();
      const scope = `ListTaskDefinitions/${familyPrefix ?? ''}/${status}/${
        input.optString('sort') ?? 'ASC'
      }`;
      const result = paginate(arns, page(input), limits(100), scope);
      return { taskDefinitionArns: result.items, nextToken: result.nextToken };
    },

    ListTaskDefinitionFamilies(ctx, raw) {
      const input = reader(raw);
      const familyPrefix = input.optString('familyPrefix');
      const status = input.optString('status') ?? 'ACTIVE';
      const families = ecs(ctx).taskDefinitions.listFamilies(
        familyPrefix,
        status,
      );
      const result = paginate(
        families,
        page(input),
        limits(100),
        `ListTaskDefinitionFamilies/${familyPrefix ?? ''}/${status}`,
      );
      return { families: result.items, nextToken: result.nextToken };
    },

    CreateService(ctx, raw) {
      const input = reader(raw);
      const created = ecs(ctx).createService(
        {
          ...raw,
          serviceName: input.string('serviceName'),
          cluster: input.optString('cluster'),
          taskDefinition: input.string('taskDefinition'),
          desiredCount: input.optNumber('desiredCount'),
          launchType: input.optString('launchType'),
          networkConfiguration: input.optObject('networkConfiguration'),
          loadBalancers: input.optArray('loadBalancers'),
          serviceRegistries:
            input.optArray<ServiceRegistry>('serviceRegistries'),
          serviceConnectConfiguration:
            input.optObject<ServiceConnectConfiguration>(
              'serviceConnectConfiguration',
            ),
          vpcLatticeConfigurations: input.optArray<VpcLatticeConfiguration>(
            'vpcLatticeConfigurations',
          ),
          tags: input.optArray<EcsTag>('tags'),
        },
        { createdBy: ctx.principal.arn },
      );
      return {
        service: serviceToWire(
          created,
          ecs(ctx).arns.cluster(created.clusterName),
          ['TAGS'],
        ),
      };
    },

    UpdateService(ctx, raw) {
      const input = reader(raw);
      const updated = ecs(ctx).updateService({
        ...raw,
        service: input.string('service'),
        cluster: input.optString('cluster'),
        desiredCount: input.optNumber('desiredCount'),
        taskDefinition: input.optString('taskDefinition'),
        networkConfiguration: input.optObject('networkConfiguration'),
        serviceConnectConfiguration:
          input.optObject<ServiceConnectConfiguration>(
            'serviceConnectConfiguration',
          ),
        serviceRegistries: input.optArray<ServiceRegistry>('serviceRegistries'),
        loadBalancers: input.optArray('loadBalancers'),
        vpcLatticeConfigurations: input.optArray<VpcLatticeConfiguration>(
          'vpcLatticeConfigurations',
        ),
        forceNewDeployment: input.optBoolean('forceNewDeployment'),
      });
      return {
        service: serviceToWire(
          updated,
          ecs(ctx).arns.cluster(updated.clusterName),
          [],
        ),
      };
    },

    DeleteService(ctx, raw) {
      const input = reader(raw);
      const deleted = ecs(ctx).deleteService(
        input.optString('cluster'),
        input.string('service'),
        input.optBoolean('force') ?? false,
      );
      // DeleteService answers while the service drains; it is INACTIVE afterwards.
      return {
        service: {
          ...serviceToWire(
            deleted,
            ecs(ctx).arns.cluster(deleted.clusterName),
            [],
          ),
          status: 'DRAINING',
        },
      };
    },

    ListServices(ctx, raw) {
      const input = reader(raw);
      const target = cluster(ctx, input);
      const launchType = input.optString('launchType');
      const strategy = input.optString('schedulingStrategy');
      const arns = ecs(ctx)
        .listServices(target, launchType, strategy)
        .map(s => s.serviceArn);
      const scope = `ListServices/${target.clusterName}/${launchType ?? ''}/${
        strategy ?? ''
      }`;
      const result = paginate(arns, page(input), limits(10), scope);
      return { serviceArns: result.items, nextToken: result.nextToken };
    },

    DescribeServices(ctx, raw) {
      const input = reader(raw);
      const refs = names(input, 'services', 10);
      const target = cluster(ctx, input);
      const include = input.optStrings('include') ?? [];
      const services = [];
      const failures = [];
      for (const ref of refs) {
        const found = ecs(ctx).findService(target, ref);
        if (found) {
          services.push(serviceToWire(found, target.clusterArn, include));
        } else {
          failures.push({
            arn: ref.startsWith('arn:')
              ? ref
              : ecs(ctx).arns.service(target.clusterName, ref),
            reason: 'MISSING',
          });
        }
      }
      return { services, failures };
    },

    ListServicesByNamespace(ctx, raw) {
      const input = reader(raw);
      const namespace = input.string('namespace');
      const arns = ecs(ctx).listServicesByNamespace(namespace);
      const result = paginate(
        arns,
        page(input),
        limits(10),
        `ListServicesByNamespace/${namespace}`,
      );
      return { serviceArns: result.items, nextToken: result.nextToken };
    },

    ListTasks(ctx, raw) {
      const input = reader(raw);
      const target = cluster(ctx, input);
      const filter = {
        serviceName: input.optString('serviceName'),
        family: input.optString('family'),
        startedBy: input.optString('startedBy'),
        containerInstance: input.optString('containerInstance'),
        launchType: input.optString('launchType'),
        desiredStatus: input.optString('desiredStatus'),
      };
      const arns = ecs(ctx)
        .listTasks(target, filter)
        .map(t => t.taskArn);
      const scope = `ListTasks/${target.clusterName}/${JSON.stringify(filter)}`;
      const result = paginate(arns, page(input), limits(100), scope);
      return { taskArns: result.items, nextToken: result.nextToken };
    },

    DescribeTasks(ctx, raw) {
      const input = reader(raw);
      const refs = names(input, 'tasks', 100);
      const target = cluster(ctx, input);
      const include = input.optStrings('include') ?? [];
      const tasks = [];
      const failures = [];
      for (const ref of refs) {
        const found = ecs(ctx).findTask(target, ref);
        if (found) {
          tasks.push(
            taskToWire(
              found,
              ecs(ctx).taskDefinitions.find(found.taskDefinitionArn),
              ecs(ctx).arns,
              include,
            ),
          );
        } else {
          failures.push({
            arn: ref.startsWith('arn:')
              ? ref
              : ecs(ctx).arns.task(target.clusterName, ref),
            reason: 'MISSING',
          });
        }
      }
      return { tasks, failures };
    },

    ListContainerInstances(ctx, raw) {
      const input = reader(raw);
      const target = cluster(ctx, input);
      const arns = target.containerInstances.map(i => i.arn);
      const result = paginate(
        arns,
        page(input),
        limits(100),
        `ListContainerInstances/${target.clusterName}`,
      );
      return {
        containerInstanceArns: result.items,
        nextToken: result.nextToken,
      };
    },

    DescribeContainerInstances(ctx, raw) {
      const input = reader(raw);
      const refs = names(input, 'containerInstances', 100);
      const target = cluster(ctx, input);
      const include = input.optStrings('include') ?? [];
      const containerInstances = [];
      const failures = [];
      for (const ref of refs) {
        const found = target.containerInstances.find(
          i => i.id === nameFromRef(ref),
        );
        if (found) {
          containerInstances.push(containerInstanceToWire(found, include));
        } else {
          failures.push({ arn: ref, reason: 'MISSING' });
        }
      }
      return { containerInstances, failures };
    },

    TagResource(ctx, raw) {
      const input = reader(raw);
      ecs(ctx).tagResource(
        input.string('resourceArn'),
        input.optArray<EcsTag>('tags') ?? [],
      );
      return {};
    },

    UntagResource(ctx, raw) {
      const input = reader(raw);
      ecs(ctx).untagResource(
        input.string('resourceArn'),
        input.optStrings('tagKeys') ?? [],
      );
      return {};
    },

    ListTagsForResource(ctx, raw) {
      const input = reader(raw);
      return { tags: ecs(ctx).tagsOf(input.string('resourceArn')) };
    },
  },
};
