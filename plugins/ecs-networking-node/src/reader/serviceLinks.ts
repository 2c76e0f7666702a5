import type { EcsServiceInfo, NamespaceInfo } from '@ecs-net/plugin-ecs-networking-common';

/**
 * Services may name their Service Connect namespace by name or ID (kept as
 * namespaceReference); clusters always give an ARN. Normalises to ARNs so the
 * model joins on one key. ECS resolves a name or ID only among the account's
 * own namespaces: a shared one is reached by its ARN alone.
 */
export function normaliseNamespaces(services: EcsServiceInfo[], namespaces: NamespaceInfo[]): void {
  const namespaceArnByRef = new Map(
    namespaces.filter(ns => !ns.ownerAccountId).flatMap(ns => [
      [ns.id, ns.arn],
      [ns.name, ns.arn],
    ]),
  );
  for (const service of services) {
    const sc = service.serviceConnect;
    if (sc?.namespace && !sc.namespace.startsWith('arn:')) {
      sc.namespace = namespaceArnByRef.get(sc.namespace) ?? sc.namespace;
    }
  }
}

/** The Cloud Map services ECS manages for Service Connect, by ARN. */
export function managedDiscoveryArns(services: EcsServiceInfo[]): Set<string> {
  return new Set(
    services.flatMap(service =>
      (service.serviceConnect?.services ?? []).flatMap(entry => entry.discoveryArn ?? []),
    ),
  );
}
