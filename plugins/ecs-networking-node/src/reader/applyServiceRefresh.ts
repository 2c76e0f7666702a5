import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import type { ServiceRefresh } from './refreshServices';
import { managedDiscoveryArns } from './serviceLinks';

/**
 * Lays a re-read of some services (ECS and Cloud Map) over a scope's
 * snapshot. Of two reads of a service the one that began later wins, so a
 * duplicate, late or reordered event, or two replicas applying reads in
 * either order, leave the same snapshot. Task definitions no service uses
 * any more are dropped.
 *
 * @public
 */
export function applyServiceRefresh(
  snapshot: ScopeSnapshot,
  refresh: ServiceRefresh,
): ScopeSnapshot {
  const refreshedAt = { ...snapshot.refreshedAt };
  const isNewer = (arn: string) => !(refreshedAt[arn] && refreshedAt[arn] > refresh.startedAt);
  const services = laid(snapshot.services, refresh.services, refresh.gone, isNewer);
  const cloudMap = laid(
    snapshot.cloudMapServices,
    refresh.cloudMapServices ?? [],
    refresh.cloudMapGone ?? [],
    isNewer,
  );
  for (const arn of [...services.touched, ...cloudMap.touched]) refreshedAt[arn] = refresh.startedAt;

  const used = new Set(services.items.map(service => service.taskDefinitionArn));
  const taskDefinitions = new Map(
    [...snapshot.taskDefinitions, ...refresh.taskDefinitions]
      .filter(td => used.has(td.arn))
      .map(td => [td.arn, td]),
  );
  const managed = managedDiscoveryArns(services.items);
  return {
    ...snapshot,
    refreshedAt,
    services: services.items,
    taskDefinitions: [...taskDefinitions.values()],
    cloudMapServices: cloudMap.items.map(service => ({
      ...service,
      managedByEcs: managed.has(service.arn),
    })),
  };
}

/**
 * `items` with the newer of `read` replacing or joining them and the newer
 * of `gone` removed; `touched`: the ARNs whose read won.
 */
function laid<T extends { arn: string }>(
  items: T[],
  read: T[],
  gone: string[],
  isNewer: (arn: string) => boolean,
): { items: T[]; touched: string[] } {
  const replaced = new Map(read.filter(item => isNewer(item.arn)).map(item => [item.arn, item]));
  const removed = new Set(gone.filter(isNewer));
  const kept = items.filter(item => !removed.has(item.arn)).map(item => replaced.get(item.arn) ?? item);
  const present = new Set(kept.map(item => item.arn));
  return {
    items: [...kept, ...[...replaced.values()].filter(item => !present.has(item.arn))],
    touched: [...replaced.keys(), ...removed],
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
    if (arn.split(':')[2] === 'servicediscovery') {
      const cloudMapService = stored.cloudMapServices.find(s => s.arn === arn);
      merged = applyServiceRefresh(merged, {
        startedAt: at,
        services: [],
        gone: [],
        taskDefinitions: [],
        cloudMapServices: cloudMapService ? [cloudMapService] : [],
        cloudMapGone: cloudMapService ? [] : [arn],
      });
      continue;
    }
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
