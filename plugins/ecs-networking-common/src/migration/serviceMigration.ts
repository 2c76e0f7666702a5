import { appMeshUseOf, type AppMeshUse } from '../appMesh';
import type {
  ContainerInfo,
  EcsServiceInfo,
  NamespaceInfo,
  PortMappingInfo,
  ScopeSnapshot,
  TaskDefinitionInfo,
} from '../snapshot';

/**
 * A live ECS service as the App Mesh migration sees it: what it runs, what
 * ties it to App Mesh, and the Service Connect names it will answer on
 * unless the person chooses others. The migration form shows these names
 * and the describe-service action hands them to the template, from this one
 * reading.
 *
 * @public
 */
export interface ServiceMigration {
  scope: ScopeSnapshot;
  service: EcsServiceInfo;
  taskDefinition: TaskDefinitionInfo;
  /** Undefined when nothing ties the service to App Mesh. */
  appMesh?: AppMeshUse;
  /** The containers to keep: all but App Mesh's Envoy. */
  containers: ContainerInfo[];
  /** The container that serves traffic: the first essential one with a port. */
  container?: ContainerInfo;
  mapping?: PortMappingInfo;
  /** The port mapping's name, else `http`: Service Connect needs a name. */
  portName: string;
  /** Its Service Connect namespace today, else its cluster's default. */
  namespace?: NamespaceInfo;
  /** The Cloud Map name: the service name. */
  discoveryName: string;
  /** What callers will call: the service name and container port. */
  clientAlias?: { dnsName: string; port: number };
}

function servingContainer(kept: ContainerInfo[]): ContainerInfo | undefined {
  const hasPort = (c: ContainerInfo) =>
    c.portMappings.some(m => m.containerPort);
  return (
    kept.find(c => c.essential !== false && hasPort(c)) ??
    kept.find(hasPort) ??
    kept[0]
  );
}

/**
 * The migration of the live service `serviceArn`, or undefined when the
 * snapshots do not hold it (or its task definition).
 *
 * @public
 */
export function serviceMigrationOf(
  snapshots: ScopeSnapshot[],
  serviceArn: string,
): ServiceMigration | undefined {
  for (const scope of snapshots) {
    const service = scope.services.find(s => s.arn === serviceArn);
    if (!service) continue;
    const taskDefinition = scope.taskDefinitions.find(
      t => t.arn === service.taskDefinitionArn,
    );
    if (!taskDefinition) return undefined;
    const appMesh = appMeshUseOf(taskDefinition);
    const envoy = appMesh?.envoyContainers ?? [];
    const containers = taskDefinition.containers.filter(
      c => !envoy.includes(c),
    );
    const container = servingContainer(containers);
    const mapping =
      container?.portMappings.find(m => m.containerPort) ??
      container?.portMappings[0];
    const cluster = scope.clusters.find(c => c.arn === service.clusterArn);
    const namespaceArn =
      service.serviceConnect?.namespace ??
      cluster?.serviceConnectDefaultNamespace;
    return {
      scope,
      service,
      taskDefinition,
      appMesh,
      containers,
      container,
      mapping,
      portName: mapping?.name || 'http',
      namespace: scope.namespaces.find(ns => ns.arn === namespaceArn),
      discoveryName: service.name,
      clientAlias: mapping?.containerPort
        ? { dnsName: service.name, port: mapping.containerPort }
        : undefined,
    };
  }
  return undefined;
}

/**
 * Why a service cannot be migrated from App Mesh: it does not use it. The
 * form and the action say the same.
 *
 * @public
 */
export function notOnAppMeshMessage(migration: ServiceMigration): string {
  const { service, scope, taskDefinition } = migration;
  return `ECS service ${service.clusterName}/${service.name} (${scope.accountId} / ${scope.region}) does not use App Mesh: its task definition ${taskDefinition.family}:${taskDefinition.revision} has no APPMESH proxy configuration and no App Mesh Envoy container, so there is nothing to migrate. Pick a service the app-mesh-in-use finding lists; to change a service's Service Connect settings, edit its Terraform.`;
}
