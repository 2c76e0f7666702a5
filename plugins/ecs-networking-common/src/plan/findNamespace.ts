import { parseArn } from '../arns';
import { normalizeHost } from '../names';
import type { NamespaceInfo, ScopeSnapshot } from '../snapshot';
import type { PlannedService, Problem } from './types';

/** `sc.local (HTTP), app (DNS_PRIVATE)`: what a person may pick instead. */
export function listNamespaces(scope: ScopeSnapshot): string {
  return (
    scope.namespaces
      .map(ns => `${ns.name} (${ns.type})`)
      .sort()
      .join(', ') || 'none'
  );
}

export type NamespaceLookup =
  | { namespace: NamespaceInfo }
  | { problem: Omit<Problem, 'severity'> };

/**
 * The live namespace a plan names by ARN, id or name, or the problem with
 * the reference: of another scope, ambiguous, or unknown.
 */
export function findNamespace(
  plan: Pick<PlannedService, 'accountId' | 'region'>,
  scope: ScopeSnapshot,
  ref: string,
  purpose: string,
): NamespaceLookup {
  const parts = parseArn(ref);
  if (parts) {
    // A namespace another account shares with this one (AWS RAM) is read in
    // this account's scope and keeps its owner's ARN.
    const namespace =
      parts.region === plan.region
        ? scope.namespaces.find(ns => ns.arn === ref)
        : undefined;
    if (namespace) return { namespace };
    if (parts.region !== plan.region || parts.accountId !== plan.accountId) {
      return {
        problem: {
          ruleId: 'namespace-other-scope',
          message: `${purpose} namespace ${ref} is in account ${parts.accountId} / ${parts.region}, but the service is planned in ${plan.accountId} / ${plan.region}; a service can only use a namespace of its own region, owned by its account or shared with it through AWS RAM (no such share was read).`,
          fix: `Pick a namespace of ${plan.accountId} / ${
            plan.region
          }: ${listNamespaces(scope)}.`,
        },
      };
    }
  } else {
    const byId = scope.namespaces.find(ns => ns.id === ref);
    if (byId) return { namespace: byId };
    const wanted = normalizeHost(ref);
    const named = scope.namespaces.filter(
      ns => normalizeHost(ns.name) === wanted,
    );
    if (named.length === 1) return { namespace: named[0] };
    if (named.length > 1) {
      return {
        problem: {
          ruleId: 'namespace-ambiguous',
          message: `${purpose} namespace name "${ref}" is used by ${
            named.length
          } namespaces in ${plan.accountId} / ${plan.region} (${named
            .map(ns => `${ns.arn} (${ns.type})`)
            .join(', ')}).`,
          fix: 'Give the namespace by its ARN instead of its name.',
        },
      };
    }
  }
  return {
    problem: {
      ruleId: 'namespace-not-found',
      message: `${purpose} namespace "${ref}" does not exist in ${plan.accountId} / ${plan.region}.`,
      fix: `Pick one of the namespaces there: ${listNamespaces(
        scope,
      )}; or create the namespace first.`,
    },
  };
}
