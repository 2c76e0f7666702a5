import type { ContainerInfo, TaskDefinitionInfo } from './snapshot';

/** How a task definition is wired into App Mesh. @public */
export interface AppMeshUse {
  /** The task definition's proxy configuration is App Mesh's (`APPMESH`). */
  proxy: boolean;
  /**
   * App Mesh's Envoy: the container an `APPMESH` proxy configuration names,
   * and any container running the App Mesh Envoy image.
   */
  envoyContainers: ContainerInfo[];
}

// The image AWS publishes for App Mesh's Envoy
// (public.ecr.aws/appmesh/aws-appmesh-envoy, and its regional ECR copies).
const APP_MESH_ENVOY_IMAGE = 'aws-appmesh-envoy';

/**
 * What ties a task definition to App Mesh, or undefined when nothing does.
 * App Mesh is configured in the task definition: a proxy configuration of
 * type `APPMESH` naming an Envoy container the task definition lists.
 * Service Connect's Envoy is not a task-definition container (ECS adds it
 * to the task), so no Envoy of Service Connect is ever mistaken for App Mesh;
 * neither is a proxy configuration of any other type, nor an Envoy of the
 * service's own.
 *
 * @public
 */
export function appMeshUseOf(
  td: Pick<TaskDefinitionInfo, 'containers' | 'proxyConfiguration'>,
): AppMeshUse | undefined {
  // AWS spells the type in capitals; plans written by hand may not.
  const proxy = td.proxyConfiguration?.type?.toUpperCase() === 'APPMESH';
  const envoyContainers = td.containers.filter(
    c =>
      (proxy && c.name === td.proxyConfiguration?.containerName) ||
      !!c.image?.includes(APP_MESH_ENVOY_IMAGE),
  );
  return proxy || envoyContainers.length > 0
    ? { proxy, envoyContainers }
    : undefined;
}
