import type { LiveNetwork } from '@ecs-net/plugin-ecs-networking-common';
import { scopeOf, type Scope, type ScopeUiOptions } from './networkOptions';

/** One choice of a live picker: what it stores and what it is. */
export interface LiveChoice {
  value: string;
  detail: string;
}

/** What a live picker offers: account, region or cluster. */
export type LiveChoiceKind = 'account' | 'region' | 'cluster';

function readState(status: LiveNetwork['statuses'][number]): string {
  if (status.stale) return `last read failed (${status.lastError ?? 'error'})`;
  return status.lastSuccessAt ? 'read' : 'not read yet';
}

/** One choice per key, its detail the items' texts joined, sorted by key. */
function grouped<T>(
  items: T[],
  key: (item: T) => string,
  text: (item: T) => string,
  separator: string,
): LiveChoice[] {
  const texts = new Map<string, string[]>();
  for (const item of items) {
    texts.set(key(item), [...(texts.get(key(item)) ?? []), text(item)]);
  }
  return [...texts]
    .map(([value, list]) => ({ value, detail: list.sort().join(separator) }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** The accounts the plugin is configured to read (its status scopes). */
function accounts(live: LiveNetwork): LiveChoice[] {
  return grouped(
    live.statuses,
    s => s.accountId,
    s => s.region,
    ', ',
  );
}

/** The regions read in the form's account (all configured ones without it). */
function regions(live: LiveNetwork, scope: Scope): LiveChoice[] {
  return grouped(
    live.statuses.filter(
      s => !scope.accountId || s.accountId === scope.accountId,
    ),
    s => s.region,
    s => `${s.accountId} ${readState(s)}`,
    '; ',
  );
}

/** The live clusters of the form's account and region, with their default namespace. */
function clusters(live: LiveNetwork, scope: Scope): LiveChoice[] {
  const choices: LiveChoice[] = [];
  for (const snapshot of live.snapshots) {
    if (scope.accountId && snapshot.accountId !== scope.accountId) continue;
    if (scope.region && snapshot.region !== scope.region) continue;
    for (const cluster of snapshot.clusters) {
      const namespace = snapshot.namespaces.find(
        ns => ns.arn === cluster.serviceConnectDefaultNamespace,
      );
      const services = snapshot.services.filter(
        s => s.clusterArn === cluster.arn,
      ).length;
      choices.push({
        value: cluster.name,
        detail: `${snapshot.accountId} / ${snapshot.region} · ${
          namespace
            ? `default namespace ${namespace.name} (${namespace.type})`
            : 'no default Service Connect namespace'
        } · ${services} service${services === 1 ? '' : 's'}`,
      });
    }
  }
  return choices.sort(
    (a, b) =>
      a.value.localeCompare(b.value) || a.detail.localeCompare(b.detail),
  );
}

/** The choices of a live picker, narrowed by the form's account and region. */
export function liveChoices(
  kind: LiveChoiceKind,
  live: LiveNetwork,
  options: ScopeUiOptions | undefined,
  form: unknown,
): LiveChoice[] {
  const scope = scopeOf(options, form);
  if (kind === 'account') return accounts(live);
  if (kind === 'region') return regions(live, scope);
  return clusters(live, scope);
}

/**
 * The Service Connect default namespace of the form's cluster, by name, when
 * it has one: what the namespace picker starts from.
 */
export function clusterDefaultNamespace(
  live: LiveNetwork,
  scope: Scope,
  clusterName: string | undefined,
): string | undefined {
  if (!clusterName) return undefined;
  const snapshot = live.snapshots.find(
    s => s.accountId === scope.accountId && s.region === scope.region,
  );
  const cluster = snapshot?.clusters.find(c => c.name === clusterName);
  return snapshot?.namespaces.find(
    ns => ns.arn === cluster?.serviceConnectDefaultNamespace,
  )?.name;
}
