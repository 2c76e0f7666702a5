import type {
  Edge,
  Endpoint,
  Evidence,
  EvidenceKind,
  Mechanism,
  UnresolvedReference,
} from './model';
import type { EcsServiceInfo } from './snapshot';
import type { EndpointIndex } from './endpointIndex';
import type { ObservedCall } from './options';
import type { TagKeys } from './tagKeys';
import { looksInternal, ReferenceIndex } from './references';
import { compareStrings, normalizeHost, parseHostPort } from './names';
import type { Scoped, ScopeIndex } from './scopeIndex';

/** @public */
export interface EdgeInputs {
  tagKeys: TagKeys;
  catalogDependsOn?: Record<string, string[]>;
  observed?: ObservedCall[];
}

const MECHANISM_RANK: Record<Mechanism, number> = {
  connect: 0,
  dns: 1,
  'load-balancer': 2,
  'http-api': 3,
  lattice: 4,
};

const EVIDENCE_RANK: Record<EvidenceKind, number> = {
  environment: 0,
  command: 1,
  entryPoint: 2,
  tag: 3,
  catalog: 4,
  metrics: 5,
};

function connectNamespace(service: EcsServiceInfo): string | undefined {
  return service.serviceConnect?.enabled
    ? service.serviceConnect.namespace
    : undefined;
}

/**
 * How far an endpoint is from a caller; lower wins when a name is ambiguous.
 * A Service Connect name is resolved by the caller's proxy only inside its own
 * namespace (0). The same name elsewhere in the account and region is still
 * what the caller meant, but cannot work (1; a lint rule reports it). DNS,
 * load balancer and Cloud Map API names resolve across the VPC (0), and in
 * other accounts or regions when those share the zone or route (2).
 */
function distance(
  caller: Scoped<EcsServiceInfo>,
  endpoint: Endpoint,
  scopes: ScopeIndex,
): number {
  const sameScope =
    caller.accountId === endpoint.accountId &&
    caller.region === endpoint.region;
  if (endpoint.mechanism !== 'connect') return sameScope ? 0 : 2;
  const provider = scopes.serviceByArn.get(endpoint.serviceArn)?.item;
  const callerNamespace = connectNamespace(caller.item);
  if (
    callerNamespace &&
    provider &&
    callerNamespace === connectNamespace(provider)
  ) {
    return 0;
  }
  return sameScope ? 1 : 3;
}

function nearest(
  caller: Scoped<EcsServiceInfo>,
  candidates: Endpoint[],
  scopes: ScopeIndex,
): Endpoint[] {
  let best = Infinity;
  let chosen: Endpoint[] = [];
  for (const endpoint of candidates) {
    const d = distance(caller, endpoint, scopes);
    if (d < best) {
      best = d;
      chosen = [endpoint];
    } else if (d === best) {
      chosen.push(endpoint);
    }
  }
  return chosen;
}

/** The endpoint a declared dependency on a whole service most likely uses. */
function preferredEndpoint(
  caller: Scoped<EcsServiceInfo>,
  target: EcsServiceInfo,
  scopes: ScopeIndex,
  endpoints: EndpointIndex,
): Endpoint | undefined {
  const own = endpoints.byService.get(target.arn) ?? [];
  return [...own].sort(
    (a, b) =>
      distance(caller, a, scopes) - distance(caller, b, scopes) ||
      MECHANISM_RANK[a.mechanism] - MECHANISM_RANK[b.mechanism] ||
      compareStrings(a.id, b.id),
  )[0];
}

function evidenceKey(evidence: Evidence): string {
  return [
    evidence.kind,
    evidence.container,
    evidence.variable,
    evidence.reference,
  ].join('\u0000');
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    EVIDENCE_RANK[a.kind] - EVIDENCE_RANK[b.kind] ||
    compareStrings(a.container ?? '', b.container ?? '') ||
    compareStrings(a.variable ?? '', b.variable ?? '') ||
    compareStrings(a.reference, b.reference)
  );
}

/** Edges are listed by caller, target and endpoint. */
export function compareEdges(a: Edge, b: Edge): number {
  return (
    compareStrings(a.from, b.from) ||
    compareStrings(a.to, b.to) ||
    compareStrings(a.endpointId, b.endpointId)
  );
}

/** Unresolved references are listed by service, container, text and source. */
export function compareUnresolved(
  a: UnresolvedReference,
  b: UnresolvedReference,
): number {
  return (
    compareStrings(a.serviceArn, b.serviceArn) ||
    compareStrings(a.container, b.container) ||
    compareStrings(a.reference, b.reference) ||
    compareStrings(JSON.stringify(a.source), JSON.stringify(b.source))
  );
}

class EdgeCollector {
  private readonly edges = new Map<string, { edge: Edge; keys: Set<string> }>();

  add(from: string, endpoint: Endpoint, evidence: Evidence): void {
    if (endpoint.serviceArn === from) return;
    const key = `${from}\u0000${endpoint.serviceArn}\u0000${endpoint.id}`;
    let entry = this.edges.get(key);
    if (!entry) {
      entry = {
        edge: {
          from,
          to: endpoint.serviceArn,
          endpointId: endpoint.id,
          mechanism: endpoint.mechanism,
          evidence: [],
        },
        keys: new Set(),
      };
      this.edges.set(key, entry);
    }
    const evidenceId = evidenceKey(evidence);
    if (!entry.keys.has(evidenceId)) {
      entry.keys.add(evidenceId);
      entry.edge.evidence.push(evidence);
    }
  }

  result(): Edge[] {
    const edges = [...this.edges.values()].map(({ edge }) => {
      edge.evidence.sort(compareEvidence);
      return edge;
    });
    return edges.sort(compareEdges);
  }
}

function servicesByName(
  scopes: ScopeIndex,
): Map<string, Scoped<EcsServiceInfo>[]> {
  const byName = new Map<string, Scoped<EcsServiceInfo>[]>();
  for (const service of scopes.services) {
    const name = service.item.name.toLowerCase();
    const list = byName.get(name);
    if (list) list.push(service);
    else byName.set(name, [service]);
  }
  return byName;
}

/**
 * Endpoints a declared dependency (`depends-on` tag entry, catalog relation)
 * points at. An entry may be a service ARN, an endpoint name (`orders:8080`,
 * `mysql.app`, optionally as a URL) or an ECS service name; names that are
 * ambiguous resolve to the nearest services: same cluster, then same account
 * and region, then anywhere.
 */
function resolveDeclared(
  caller: Scoped<EcsServiceInfo>,
  entry: string,
  scopes: ScopeIndex,
  endpoints: EndpointIndex,
  byName: Map<string, Scoped<EcsServiceInfo>[]>,
): Endpoint[] {
  const toEndpoint = (target: EcsServiceInfo) =>
    preferredEndpoint(caller, target, scopes, endpoints);

  if (entry.startsWith('arn:')) {
    const target = scopes.serviceByArn.get(entry)?.item;
    const endpoint =
      target && target.arn !== caller.item.arn && toEndpoint(target);
    return endpoint ? [endpoint] : [];
  }

  const address = declaredAddress(entry);
  if (address) {
    const matched = endpoints
      .match(address.host, address.port)
      .filter(e => e.serviceArn !== caller.item.arn);
    if (matched.length > 0) return nearest(caller, matched, scopes);
  }

  const named = (byName.get(entry.toLowerCase()) ?? []).filter(
    s => s.item.arn !== caller.item.arn,
  );
  const rank = (s: Scoped<EcsServiceInfo>) => {
    if (s.item.clusterArn === caller.item.clusterArn) return 0;
    return s.accountId === caller.accountId && s.region === caller.region
      ? 1
      : 2;
  };
  const best = Math.min(...named.map(rank));
  return named
    .filter(s => rank(s) === best)
    .map(s => toEndpoint(s.item))
    .filter((e): e is Endpoint => e !== undefined);
}

/** The host and port a declared dependency names, if it names one. */
export function declaredAddress(
  entry: string,
): { host: string; port?: number } | undefined {
  return parseHostPort(
    entry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, ''),
  );
}

/** The entries of a dependency tag value. */
export function splitDeclared(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map(entry => entry.trim())
    .filter(Boolean);
}

function discoveryIndex(endpoints: EndpointIndex): Map<string, Endpoint[]> {
  const byDiscovery = new Map<string, Endpoint[]>();
  for (const endpoint of endpoints.endpoints) {
    if (endpoint.mechanism !== 'connect' || !endpoint.discoveryName) continue;
    const key = endpoint.discoveryName.toLowerCase();
    const list = byDiscovery.get(key);
    if (list) list.push(endpoint);
    else byDiscovery.set(key, [endpoint]);
  }
  return byDiscovery;
}

function observedTargets(
  call: ObservedCall,
  caller: Scoped<EcsServiceInfo>,
  byDiscovery: Map<string, Endpoint[]>,
  scopes: ScopeIndex,
): Endpoint[] {
  const candidates = byDiscovery.get(call.discoveryName.toLowerCase()) ?? [];
  const wanted = call.namespace?.toLowerCase();
  const callerNamespace = connectNamespace(caller.item);
  return candidates.filter(endpoint => {
    if (wanted) {
      return (
        endpoint.namespace?.arn.toLowerCase() === wanted ||
        endpoint.namespace?.name.toLowerCase() === normalizeHost(wanted)
      );
    }
    const provider = scopes.serviceByArn.get(endpoint.serviceArn)?.item;
    return !!provider && connectNamespace(provider) === callerNamespace;
  });
}

/**
 * Dependency edges between the indexed services, from four kinds of evidence:
 * container references, the dependency tag, catalog relations and observed
 * traffic. Evidence for the same caller, target and endpoint is merged into
 * one edge. Container references and tag entries that name nothing known
 * become unresolved references.
 *
 * Catalog relations that resolve to nothing are dropped rather than reported:
 * the catalog legitimately depends on things outside ECS (databases, queues,
 * SaaS). Observed calls that resolve to nothing are dropped too: CloudWatch
 * keeps metrics of deleted services for months.
 */
export function inferEdges(
  scopes: ScopeIndex,
  endpoints: EndpointIndex,
  references: ReferenceIndex,
  inputs: EdgeInputs,
): { edges: Edge[]; unresolved: UnresolvedReference[] } {
  const collector = new EdgeCollector();
  const unresolved: UnresolvedReference[] = [];
  const byName = servicesByName(scopes);

  for (const caller of scopes.services) {
    const service = caller.item;
    const td = scopes.taskDefinitionOf(service);
    for (const container of td?.containers ?? []) {
      for (const reference of container.references) {
        const matched = references.resolve(reference);
        if (matched.length === 0) {
          if (looksInternal(reference, references)) {
            unresolved.push({
              serviceArn: service.arn,
              container: container.name,
              reference: reference.text,
              source: reference.source,
            });
          }
          continue;
        }
        const evidence: Evidence = {
          kind: reference.source.kind,
          reference: reference.text,
          container: container.name,
        };
        if (reference.source.kind === 'environment') {
          evidence.variable = reference.source.variable;
        }
        const others = matched.filter(e => e.serviceArn !== service.arn);
        for (const endpoint of nearest(caller, others, scopes)) {
          collector.add(service.arn, endpoint, evidence);
        }
      }
    }

    const tagKey = inputs.tagKeys.dependsOn;
    for (const entry of splitDeclared(service.tags[tagKey] ?? '')) {
      const targets = resolveDeclared(caller, entry, scopes, endpoints, byName);
      if (targets.length === 0) {
        unresolved.push({
          serviceArn: service.arn,
          container: '',
          reference: entry,
          source: { kind: 'tag', key: tagKey },
        });
      }
      for (const endpoint of targets) {
        collector.add(service.arn, endpoint, {
          kind: 'tag',
          reference: entry,
          variable: tagKey,
        });
      }
    }

    for (const entry of inputs.catalogDependsOn?.[service.arn] ?? []) {
      for (const endpoint of resolveDeclared(
        caller,
        entry,
        scopes,
        endpoints,
        byName,
      )) {
        collector.add(service.arn, endpoint, {
          kind: 'catalog',
          reference: entry,
        });
      }
    }
  }

  if (inputs.observed?.length) {
    const byDiscovery = discoveryIndex(endpoints);
    for (const call of inputs.observed) {
      const caller = scopes.serviceByArn.get(call.from);
      if (!caller) continue;
      for (const endpoint of observedTargets(
        call,
        caller,
        byDiscovery,
        scopes,
      )) {
        collector.add(call.from, endpoint, {
          kind: 'metrics',
          reference: call.discoveryName,
        });
      }
    }
  }

  unresolved.sort(compareUnresolved);
  return {
    edges: collector.result(),
    unresolved: dedupeUnresolved(unresolved),
  };
}

function dedupeUnresolved(
  sorted: UnresolvedReference[],
): UnresolvedReference[] {
  return sorted.filter((item, i) => {
    const previous = sorted[i - 1];
    return (
      !previous ||
      previous.serviceArn !== item.serviceArn ||
      previous.container !== item.container ||
      previous.reference !== item.reference ||
      JSON.stringify(previous.source) !== JSON.stringify(item.source)
    );
  });
}
