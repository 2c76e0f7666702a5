import type { Edge, EvidenceKind } from './model';

/**
 * One entry of a Component's `spec.dependsOn` or `spec.consumesApis`, as the
 * catalog resolves it.
 *
 * @public
 */
export interface DeclaredDependency {
  /** The entity as a full ref: `component:default/user-service`, `api:default/orders-8080`. */
  ref: string;
  relation: 'dependsOn' | 'consumesApis';
  /**
   * ECS services it stands for: a service Resource's or generated
   * Component's own, or those whose component tag links them to it. Empty
   * for what lies outside the network this plugin reads (a database, a SaaS
   * API): nothing can be observed about it, so drift says nothing about it.
   */
  serviceArns: string[];
  /** For an API this plugin published: its endpoint ids, whose services it stands for. */
  endpointIds?: string[];
}

/** What a hand-written Component that services are linked to declares. @public */
export interface ComponentDeclarations {
  /** Full ref of the Component (`component:default/order-service`). */
  component: string;
  declared: DeclaredDependency[];
}

/**
 * What drift compares the observed network with: the catalog's
 * declarations, and how long each declared call has gone unobserved.
 *
 * @public
 */
export interface DriftInput {
  /** Every hand-written Component in the catalog that a component tag links services to. */
  components: ComponentDeclarations[];
  /**
   * The entity a `dependsOn` line names for a service, where that is not
   * the Component its tag links it to (the Resource or generated Component
   * this plugin published for it), by service ARN.
   */
  entityRefs: Record<string, string>;
  /**
   * `pairKey(from, to)` → ISO time network evidence of that call was last
   * seen, for calls seen before and not now.
   */
  lastObserved: Record<string, string>;
  /** ISO time since when the network has been watched; nothing is known of the calls before. */
  watchedSince: string;
  /** ISO time the analysis stands at. */
  now: string;
  /** A declared call unobserved this long (ms) is a `dependency-not-observed` finding. */
  notObservedAfterMs: number;
}

/**
 * Evidence that a call happens: a reference in the caller's container
 * definitions, or traffic metrics. A `depends-on` tag or a catalog relation
 * only says that someone declared it.
 *
 * @public
 */
export const NETWORK_EVIDENCE: ReadonlySet<EvidenceKind> = new Set<EvidenceKind>([
  'environment',
  'command',
  'entryPoint',
  'metrics',
]);

/** Whether an edge has network evidence, not just a declaration. @public */
export function isObservedEdge(edge: Edge): boolean {
  return edge.evidence.some(e => NETWORK_EVIDENCE.has(e.kind));
}

/** The key of a call from one service to another, whatever endpoint it goes through. @public */
export function pairKey(from: string, to: string): string {
  return `${from} ${to}`;
}

/** The calls with network evidence, as pair keys. @public */
export function observedPairs(edges: Edge[]): Set<string> {
  const pairs = new Set<string>();
  for (const edge of edges) {
    if (isObservedEdge(edge)) pairs.add(pairKey(edge.from, edge.to));
  }
  return pairs;
}
