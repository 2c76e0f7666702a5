import type { ModelService } from '../model';
import { extractReferences } from '../references';
import type {
  CloudMapServiceInfo,
  ContainerInfo,
  ContainerReference,
  EcsServiceInfo,
  NamespaceInfo,
  TaskDefinitionInfo,
} from '../snapshot';
import { describeService } from './owners';
import { planArn } from './planArns';
import type { PlanScope } from './resolveScope';
import { serviceConnectFragment } from './serviceConnectFragment';
import { serviceDiscoveryFragment } from './serviceDiscoveryFragment';
import type {
  AddProblem,
  PlannedService,
  ResolvedServiceConnect,
  ResolvedServiceDiscovery,
} from './types';

/** What a plan adds to (or changes in) the live snapshot of its scope. */
export interface PlanFragment {
  /** The ARN the service will have. */
  serviceArn: string;
  /**
   * Its ARN in the analysis: the same, unless a live service holds that ARN
   * and the plan does not replace it (a name taken), so the two stay apart.
   */
  analysisArn: string;
  service: EcsServiceInfo;
  taskDefinition: TaskDefinitionInfo;
  namespaces: NamespaceInfo[];
  cloudMapServices: CloudMapServiceInfo[];
  /** The live service the plan replaces (intent `update`). */
  replaced?: EcsServiceInfo;
  /** ARNs of what the plan creates: findings on them are the plan's own. */
  planned: Set<string>;
  /** Rules whose findings on the plan would repeat a problem reported here. */
  suppressed: Set<string>;
  serviceConnect?: ResolvedServiceConnect;
  serviceDiscovery: ResolvedServiceDiscovery[];
}

function references(environment: Record<string, string>): ContainerReference[] {
  return Object.entries(environment).flatMap(([variable, value]) =>
    extractReferences(value, { kind: 'environment', variable }),
  );
}

/** The next revision of the family, as ECS would register it. */
function taskDefinitionOf(
  plan: PlannedService,
  { scope }: PlanScope,
): TaskDefinitionInfo {
  const family = plan.family ?? plan.serviceName;
  const revision =
    Math.max(
      0,
      ...scope.taskDefinitions
        .filter(td => td.family === family)
        .map(td => td.revision),
    ) + 1;
  return {
    arn: planArn(plan, 'ecs', `task-definition/${family}:${revision}`),
    family,
    revision,
    networkMode: plan.networkMode,
    containers: plan.containers.map(
      (c): ContainerInfo => ({
        name: c.name,
        image: c.image,
        essential: c.essential ?? true,
        portMappings: c.portMappings,
        references: references(c.environment),
      }),
    ),
    proxyConfiguration: plan.proxyConfiguration,
  };
}

/** The live service of the same name: a collision, or the one replaced. */
function existingService(
  plan: PlannedService,
  { scope, cluster }: PlanScope,
  services: Map<string, ModelService>,
  add: AddProblem,
): EcsServiceInfo | undefined {
  const existing = scope.services.find(
    s => s.clusterArn === cluster.arn && s.name === plan.serviceName,
  );
  if (existing && plan.intent === 'create') {
    add('error', {
      ruleId: 'service-name-taken',
      message: `ECS service ${describeService(
        services.get(existing.arn),
        `${cluster.name}/${existing.name}`,
      )} already exists in ${plan.accountId} / ${
        plan.region
      }; a cluster holds one service per name.`,
      fix: 'Choose another service name, or use the migration template to change the existing service.',
    });
  }
  if (!existing && plan.intent === 'update') {
    add('error', {
      ruleId: 'service-not-found',
      message: `ECS service ${cluster.name}/${plan.serviceName} does not exist in ${plan.accountId} / ${plan.region}, so there is nothing to change.`,
      fix: 'Pick a live ECS service.',
    });
  }
  return existing;
}

/**
 * Step 2: the plan as a snapshot fragment (ECS service, task definition,
 * Cloud Map namespaces and services), so the common analysis can read it
 * like live state. Reports what is wrong with what it names on the way.
 *
 * `services` are the live services by ARN, to name owners.
 */
export function planFragment(
  plan: PlannedService,
  planScope: PlanScope,
  services: Map<string, ModelService>,
  add: AddProblem,
): PlanFragment {
  const { cluster, scope } = planScope;
  const serviceArn = planArn(
    plan,
    'ecs',
    `service/${cluster.name}/${plan.serviceName}`,
  );
  const existing = existingService(plan, planScope, services, add);
  const replaced = plan.intent === 'update' ? existing : undefined;
  const arnTaken = scope.services.some(
    s => s.arn === serviceArn && s !== replaced,
  );
  const analysisArn = arnTaken ? `${serviceArn}#planned` : serviceArn;

  const taskDefinition = taskDefinitionOf(plan, planScope);
  const connect = serviceConnectFragment(plan, planScope, add);
  const discovery = serviceDiscoveryFragment({
    plan,
    planScope,
    replaced,
    services,
    add,
  });
  const service: EcsServiceInfo = {
    arn: analysisArn,
    name: plan.serviceName,
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: 'ACTIVE',
    taskDefinitionArn: taskDefinition.arn,
    desiredCount: 0,
    runningCount: 0,
    launchType: plan.networkMode === 'awsvpc' ? 'FARGATE' : 'EC2',
    tags: plan.tags,
    serviceConnect: connect?.config,
    serviceRegistries: discovery.registries,
    loadBalancers: replaced?.loadBalancers ?? [],
    tasks: [],
  };
  const suppressed = new Set(['reference-unresolved']);
  if (connect?.namespaceReported)
    suppressed.add('service-connect-namespace-missing');
  return {
    serviceArn,
    analysisArn,
    service,
    taskDefinition,
    namespaces: discovery.namespaces,
    cloudMapServices: [
      ...(connect?.cloudMapServices ?? []),
      ...discovery.cloudMapServices,
    ],
    replaced,
    planned: new Set([
      analysisArn,
      taskDefinition.arn,
      ...discovery.cloudMapServices.map(c => c.arn),
    ]),
    suppressed,
    serviceConnect: connect?.resolved,
    serviceDiscovery: discovery.resolved,
  };
}
