import { compareNamespaces } from '../analyze';
import { compareEdges, compareUnresolved } from '../edges';
import { compareEndpoints } from '../endpoints';
import type { Finding, NetworkModel } from '../model';
import { compareFindings } from '../rules';
import { compareServicePlaces } from '../scopeIndex';
import type { Affected } from './neighbourhood';

/**
 * `base` without what `isAffected` picks, merged with what it picks of
 * `local`; both sorted by `compare`, and so is the result.
 */
function patch<T>(
  base: T[],
  local: T[],
  isAffected: (item: T) => boolean,
  compare: (a: T, b: T) => number,
): T[] {
  const kept = base.filter(item => !isAffected(item));
  const added = local.filter(isAffected);
  const result: T[] = [];
  let k = 0;
  for (const item of added) {
    while (k < kept.length && compare(kept[k], item) <= 0)
      result.push(kept[k++]);
    result.push(item);
  }
  while (k < kept.length) result.push(kept[k++]);
  return result;
}

function findingIsAffected(affected: Affected) {
  return (finding: Finding) => {
    const { kind, arn } = finding.subject;
    switch (kind) {
      case 'service':
        return affected.services.has(arn);
      case 'namespace':
        return affected.namespaces.has(arn);
      case 'cloud-map-service':
        return affected.cloudMapServices.has(arn);
      default:
        return affected.taskDefinitions.has(arn);
    }
  };
}

/**
 * Step 3c: the model of the estate with the plan in it, from the baseline's
 * and the analysis of the plan's neighbourhood: everything the plan affects
 * as the neighbourhood's analysis has it, the rest as the baseline has it,
 * in the order a whole analysis lists them.
 */
export function patchModel(
  base: NetworkModel,
  local: NetworkModel,
  affected: Affected,
): NetworkModel {
  const service = ({ serviceArn }: { serviceArn: string }) =>
    affected.services.has(serviceArn);
  return {
    services: patch(
      base.services,
      local.services,
      s => affected.services.has(s.arn),
      compareServicePlaces,
    ),
    namespaces: patch(
      base.namespaces,
      local.namespaces,
      ns => affected.namespaces.has(ns.arn),
      compareNamespaces,
    ),
    endpoints: patch(
      base.endpoints,
      local.endpoints,
      service,
      compareEndpoints,
    ),
    edges: patch(
      base.edges,
      local.edges,
      e => affected.services.has(e.from),
      compareEdges,
    ),
    unresolved: patch(
      base.unresolved,
      local.unresolved,
      service,
      compareUnresolved,
    ),
    findings: patch(
      base.findings,
      local.findings,
      findingIsAffected(affected),
      compareFindings,
    ),
  };
}
