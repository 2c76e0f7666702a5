import { ComponentDeclarations, DeclaredDependency, DriftInput, isObservedEdge, pairKey } from '../drift';
import { entityRefFromTag } from '../entityRefs';
import type { Edge } from '../model';
import type { EcsServiceInfo } from '../snapshot';
import type { Scoped } from '../scopeIndex';
import type { RuleContext } from './types';

/** A call a Component's services make that the Component does not declare. */
export interface UndeclaredCall {
  /** What a `dependsOn` line names for the called service; absent while the catalog holds nothing for it. */
  targetRef?: string;
  /** The observed calls to it, the first by caller order. */
  edges: Edge[];
}

/** What one linked Component declares and what its services are seen to call. */
export interface ComponentDrift {
  component: string;
  /** Its services, in the analysis' order (account, region, cluster, name). */
  services: Scoped<EcsServiceInfo>[];
  undeclared: UndeclaredCall[];
  /** Declarations of services in the network that none of its services is seen calling now. */
  unobserved: Array<{ dependency: DeclaredDependency; targets: string[] }>;
}

const drifts = new WeakMap<RuleContext, ComponentDrift[]>();

/**
 * Declared against observed calls of every linked Component. Both drift
 * rules read it; it is worked out once per analysis.
 */
export function componentDrifts(context: RuleContext): ComponentDrift[] {
  if (!context.drift) return [];
  let result = drifts.get(context);
  if (!result) {
    result = compare(context, context.drift);
    drifts.set(context, result);
  }
  return result;
}

function compare(context: RuleContext, drift: DriftInput): ComponentDrift[] {
  const { scopes, endpoints, tagKeys } = context;
  const linked = new Map<string, Scoped<EcsServiceInfo>[]>();
  for (const service of scopes.services) {
    const ref = entityRefFromTag(service.item.tags[tagKeys.component], 'component');
    if (!ref) continue;
    const list = linked.get(ref);
    if (list) list.push(service);
    else linked.set(ref, [service]);
  }
  const held = new Set(drift.components.map(c => c.component));
  const refOf = (arn: string): string | undefined => {
    const service = scopes.serviceByArn.get(arn);
    const tagged = service && entityRefFromTag(service.item.tags[tagKeys.component], 'component');
    return tagged && held.has(tagged) ? tagged : drift.entityRefs[arn];
  };
  const observedFrom = new Map<string, Edge[]>();
  for (const edge of context.edges) {
    if (!isObservedEdge(edge)) continue;
    const list = observedFrom.get(edge.from);
    if (list) list.push(edge);
    else observedFrom.set(edge.from, [edge]);
  }
  const targetsOf = (dependency: DeclaredDependency) => [
    ...new Set([
      ...dependency.serviceArns,
      ...(dependency.endpointIds ?? []).flatMap(id => endpoints.byId.get(id)?.serviceArn ?? []),
    ]),
  ];

  return drift.components.flatMap((declarations: ComponentDeclarations) => {
    const services = linked.get(declarations.component) ?? [];
    if (services.length === 0) return [];
    const own = new Set(services.map(s => s.item.arn));
    const declared = declarations.declared.map(dependency => ({
      dependency,
      targets: targetsOf(dependency).filter(arn => !own.has(arn)),
    }));
    const declaredArns = new Set(declared.flatMap(d => d.targets));
    const declaredRefs = new Set(declarations.declared.map(d => d.ref));
    const calls = services.flatMap(s => observedFrom.get(s.item.arn) ?? []).filter(e => !own.has(e.to));

    const undeclared = new Map<string, UndeclaredCall>();
    for (const edge of calls) {
      const targetRef = refOf(edge.to);
      if (declaredArns.has(edge.to) || (targetRef && declaredRefs.has(targetRef))) continue;
      const key = targetRef ?? edge.to;
      const entry = undeclared.get(key) ?? { ...(targetRef ? { targetRef } : {}), edges: [] };
      entry.edges.push(edge);
      undeclared.set(key, entry);
    }
    const called = new Set(calls.map(e => e.to));
    return [
      {
        component: declarations.component,
        services,
        undeclared: [...undeclared.values()],
        unobserved: declared.filter(d => d.targets.length > 0 && !d.targets.some(arn => called.has(arn))),
      },
    ];
  });
}

function latest(times: Array<string | undefined>): string | undefined {
  return times.reduce<string | undefined>((max, t) => (t && (!max || t > max) ? t : max), undefined);
}

function earliest(times: Array<string | undefined>): string | undefined {
  return times.reduce<string | undefined>((min, t) => (t && (!min || t < min) ? t : min), undefined);
}

/**
 * Since when a declared call has had no network evidence: the last time
 * evidence was seen, but never before the network was watched, nor before
 * the caller's or the target's services existed (nothing could call then).
 */
export function unobservedSince(
  context: RuleContext,
  drift: DriftInput,
  callers: Scoped<EcsServiceInfo>[],
  targets: string[],
): string {
  const createdAt = (arns: string[]) =>
    earliest(arns.map(arn => context.scopes.serviceByArn.get(arn)?.item.createdAt));
  const lastSeen = latest(
    callers.flatMap(c => targets.map(t => drift.lastObserved[pairKey(c.item.arn, t)])),
  );
  return latest([
    lastSeen,
    drift.watchedSince,
    createdAt(callers.map(c => c.item.arn)),
    createdAt(targets),
  ])!;
}
