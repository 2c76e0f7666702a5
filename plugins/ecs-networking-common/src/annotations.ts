/**
 * Annotations the catalog provider writes on the entities it owns. They carry
 * identity only (ARNs, account, region, cluster, namespace), never volatile
 * data, so task restarts do not churn the catalog.
 *
 * @public
 */
export const ANNOTATIONS = {
  /** ARN of the ECS service a Resource stands for. */
  serviceArn: 'ecs-networking.io/service-arn',
  /** Cluster ARN of the ECS service. */
  clusterArn: 'ecs-networking.io/cluster-arn',
  accountId: 'ecs-networking.io/account-id',
  region: 'ecs-networking.io/region',
  /** ARN of a Cloud Map namespace (namespace Resources and endpoint APIs). */
  namespaceArn: 'ecs-networking.io/namespace-arn',
  /** Model id of the endpoint an API entity stands for. */
  endpointId: 'ecs-networking.io/endpoint-id',
} as const;

/** `spec.type` values of the entities the provider writes. @public */
export const ENTITY_TYPES = {
  ecsService: 'ecs-service',
  cloudMapNamespace: 'cloud-map-namespace',
  serviceConnectEndpoint: 'ecs-service-connect',
  dnsEndpoint: 'cloud-map-dns',
  httpApiEndpoint: 'cloud-map-http',
  loadBalancerEndpoint: 'load-balancer',
  latticeEndpoint: 'vpc-lattice',
} as const;

/**
 * The namespace ARN of a Cloud Map namespace Resource the provider wrote,
 * or undefined for any other entity. Endpoint APIs carry the namespace
 * annotation too, but stand for their service.
 *
 * @public
 */
export function cloudMapNamespaceArnOf(entity: {
  kind: string;
  metadata: { annotations?: Record<string, string> };
  spec?: unknown;
}): string | undefined {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'resource') return undefined;
  if ((entity.spec as { type?: unknown } | undefined)?.type !== ENTITY_TYPES.cloudMapNamespace) {
    return undefined;
  }
  return entity.metadata.annotations?.[ANNOTATIONS.namespaceArn] || undefined;
}
