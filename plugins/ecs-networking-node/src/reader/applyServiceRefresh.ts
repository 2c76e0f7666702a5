import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import type { ServiceRefresh } from './refreshServices';
import { managedDiscoveryArns } from './serviceLinks';

/**
 * Lays a re-read of some services over a scope's snapshot. Of two reads of
 * a service the one that began later wins, so a duplicate, late or
 * reordered event, or two replicas applying reads in either order, leave
 * the same snapshot. Task definitions no service uses any more are dropped.
 *
 * @public
 */
export function applyServiceRefresh(
  snapshot: ScopeSnapshot,
  refresh: ServiceRefresh,
): ScopeSnapshot {
  const refreshedAt = { ...snapshot.refreshedAt };
  const isNewer = (arn: string) => !(refreshedAt[arn] && refreshedAt[arn] > refresh.startedAt);
  const replaced = new Map(
    refresh.services.filter(service => isNewer(service.arn)).map(service => [service.arn, service]),
  );
  const removed = new Set(refresh.gone.filter(isNewer));
  for (const arn of [...replaced.keys(), ...removed]) refreshedAt[arn] = refresh.startedAt;
  const kept = snapshot.services
    .filter(service => !removed.has(service.arn))
    .map(service => replaced.get(service.arn) ?? service);
  const present = new Set(kept.map(service => service.arn));
  const services = [...kept, ...[...replaced.values()].filter(s => !present.has(s.arn))];

  const used = new Set(services.map(service => service.taskDefinitionArn));
  const taskDefinitions = new Map(
    [...snapshot.taskDefinitions, ...refresh.taskDefinitions]
      .filter(td => used.has(td.arn))
      .map(td => [td.arn, td]),
  );
  const managed = managedDiscoveryArns(services);
  return {
    ...snapshot,
    refreshedAt,
    services,
    taskDefinitions: [...taskDefinitions.values()],
    cloudMapServices: snapshot.cloudMapServices.map(service => ({
      ...service,
      managedByEcs: managed.has(service.arn),
    })),
  };
}

/**
 * A full read of a scope, keeping the services re-read after it began
 * (their stored version is newer than what the full read saw).
 *
 * @public
 */
export function keepLaterRefreshes(
  read: ScopeSnapshot,
  stored: ScopeSnapshot | undefined,
  readStartedAt: string,
): ScopeSnapshot {
  const later = Object.entries(stored?.refreshedAt ?? {}).filter(([, at]) => at > readStartedAt);
  if (!stored || later.length === 0) return { ...read, refreshedAt: undefined };
  let merged: ScopeSnapshot = { ...read, refreshedAt: undefined };
  for (const [arn, at] of later) {
    const service = stored.services.find(s => s.arn === arn);
    merged = applyServiceRefresh(merged, {
      startedAt: at,
      services: service ? [service] : [],
      gone: service ? [] : [arn],
      taskDefinitions: stored.taskDefinitions.filter(td => td.arn === service?.taskDefinitionArn),
    });
  }
  return merged;
}
