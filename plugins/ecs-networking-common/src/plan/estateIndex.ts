import { declaredAddress, splitDeclared } from '../edges';
import { effectiveDiscoveryName } from '../endpoints';
import type { NetworkModel } from '../model';
import { normalizeHost } from '../names';
import type { ScopeIndex } from '../scopeIndex';
import type { TagKeys } from '../tagKeys';

/** Values (ARNs, hosts) by key; a key no one has gives an empty list. */
export class Lookup {
  private readonly byKey = new Map<string, string[]>();

  add(key: string, value: string): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  }

  get(key: string): readonly string[] {
    return this.byKey.get(key) ?? [];
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }
}

/** `namespace ARN` + lower-case name, the key of a name in a namespace. */
export function nameInNamespace(namespaceArn: string, name: string): string {
  return `${namespaceArn}\u0000${name.toLowerCase()}`;
}

/**
 * Who uses a namespace, as far as any one of them decides what the analysis
 * says of it: the services with Service Connect in it, by account (the
 * accounts it is shared with), the services registered in its Cloud Map
 * services, and its Cloud Map services with instances (it is not unused).
 * Two of each are kept: one may be the service a plan replaces.
 */
export interface NamespaceUse {
  connectByAccount: Map<string, string[]>;
  registered: string[];
  withInstances: string[];
}

/**
 * What a plan check looks up in the live estate to find the services,
 * namespaces and Cloud Map services a plan can change the analysis of, and
 * everything the analysis of those reads (see `planNeighbourhood`). Built
 * once per baseline, from its scope index and model.
 */
export interface EstateIndex {
  /** Services answering on an endpoint host. */
  providersOfHost: Lookup;
  /** Endpoint hosts of each service. */
  hostsOf: Lookup;
  /** Services whose containers or dependency tag refer to a host. */
  callersOfHost: Lookup;
  /** Services with an edge to a service. */
  callersOf: Lookup;
  /** Services whose dependency tag names a service ARN. */
  callersOfArn: Lookup;
  /** Services whose dependency tag names a (lower-case) service name. */
  callersOfName: Lookup;
  /** Services with observed calls to a (lower-case) discovery name. */
  callersOfDiscoveryName: Lookup;
  /** The (lower-case) discovery names each service's observed calls name. */
  observedCallsOf: Lookup;
  /** Services by lower-case name. */
  servicesNamed: Lookup;
  /** Providers of Service Connect endpoints by lower-case discovery name. */
  providersOfDiscoveryName: Lookup;
  /** Services with a Service Connect entry, by `nameInNamespace`. */
  connectEntries: Lookup;
  /** Cloud Map services with DNS records not made by ECS, by `nameInNamespace`. */
  dnsServices: Lookup;
  /** Services registered in each Cloud Map service. */
  registrantsOf: Lookup;
  namespaceUse: Map<string, NamespaceUse>;
}

function useOf(index: Map<string, NamespaceUse>, arn: string): NamespaceUse {
  let use = index.get(arn);
  if (!use) {
    use = { connectByAccount: new Map(), registered: [], withInstances: [] };
    index.set(arn, use);
  }
  return use;
}

function addTwo(list: string[], arn: string): void {
  if (list.length < 2 && !list.includes(arn)) list.push(arn);
}

export function createEstateIndex(
  scopes: ScopeIndex,
  model: NetworkModel,
  tagKeys: TagKeys,
): EstateIndex {
  const index: EstateIndex = {
    providersOfHost: new Lookup(),
    hostsOf: new Lookup(),
    callersOfHost: new Lookup(),
    callersOf: new Lookup(),
    callersOfArn: new Lookup(),
    callersOfName: new Lookup(),
    callersOfDiscoveryName: new Lookup(),
    observedCallsOf: new Lookup(),
    servicesNamed: new Lookup(),
    providersOfDiscoveryName: new Lookup(),
    connectEntries: new Lookup(),
    dnsServices: new Lookup(),
    registrantsOf: new Lookup(),
    namespaceUse: new Map(),
  };
  for (const endpoint of model.endpoints) {
    index.providersOfHost.add(endpoint.host, endpoint.serviceArn);
    index.hostsOf.add(endpoint.serviceArn, endpoint.host);
    if (endpoint.mechanism === 'connect' && endpoint.discoveryName) {
      index.providersOfDiscoveryName.add(
        endpoint.discoveryName.toLowerCase(),
        endpoint.serviceArn,
      );
    }
  }
  for (const edge of model.edges) index.callersOf.add(edge.to, edge.from);
  for (const { item: service, accountId } of scopes.services) {
    const arn = service.arn;
    index.servicesNamed.add(service.name.toLowerCase(), arn);
    for (const container of scopes.taskDefinitionOf(service)?.containers ??
      []) {
      for (const reference of container.references) {
        index.callersOfHost.add(normalizeHost(reference.host), arn);
      }
    }
    for (const entry of splitDeclared(service.tags[tagKeys.dependsOn] ?? '')) {
      if (entry.startsWith('arn:')) index.callersOfArn.add(entry, arn);
      const address = declaredAddress(entry);
      if (address) index.callersOfHost.add(address.host, arn);
      index.callersOfName.add(entry.toLowerCase(), arn);
    }
    const sc = service.serviceConnect;
    if (sc?.enabled && sc.namespace) {
      const connect = useOf(index.namespaceUse, sc.namespace).connectByAccount;
      const users = connect.get(accountId) ?? [];
      connect.set(accountId, users);
      addTwo(users, arn);
      for (const entry of sc.services) {
        index.connectEntries.add(
          nameInNamespace(sc.namespace, effectiveDiscoveryName(entry)),
          arn,
        );
      }
    }
    for (const registry of service.serviceRegistries) {
      index.registrantsOf.add(registry.registryArn, arn);
      const cloudMap = scopes.cloudMapServiceByArn.get(registry.registryArn);
      const namespace = cloudMap && scopes.namespaceOfCloudMapService(cloudMap);
      if (namespace) {
        addTwo(useOf(index.namespaceUse, namespace.item.arn).registered, arn);
      }
    }
  }
  for (const cloudMap of scopes.cloudMapServices) {
    const namespace = scopes.namespaceOfCloudMapService(cloudMap);
    if (!namespace) continue;
    const { item } = cloudMap;
    if (!item.managedByEcs && item.dnsRecords.length > 0) {
      index.dnsServices.add(
        nameInNamespace(namespace.item.arn, item.name),
        item.arn,
      );
    }
    if (item.instances.length > 0) {
      addTwo(
        useOf(index.namespaceUse, namespace.item.arn).withInstances,
        item.arn,
      );
    }
  }
  for (const snapshot of scopes.snapshots) {
    for (const call of snapshot.observedCalls ?? []) {
      const name = call.discoveryName.toLowerCase();
      index.callersOfDiscoveryName.add(name, call.from);
      index.observedCallsOf.add(call.from, name);
    }
  }
  return index;
}
