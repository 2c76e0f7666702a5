import type {
  Mechanism,
  NetworkModel,
  Severity,
} from '@ecs-net/plugin-ecs-networking-common';
import { endpointNameFromId } from '../../lib/arns';
import type { EstateIndex } from '../../lib/estateIndex';

/** What the map groups services by. */
export type GroupBy = 'namespace' | 'cluster' | 'account' | 'owner';

export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  namespace: 'Namespace',
  cluster: 'Cluster',
  account: 'Account and region',
  owner: 'Owner',
};

export interface MapNode {
  arn: string;
  name: string;
  /** Index of its group in `MapGraph.groups`. */
  group: number;
  owner?: string;
  /** Cluster, account and region: what tells same-named services apart. */
  where: string;
  findings: number;
  worst?: Severity;
}

export interface MapGroup {
  key: string;
  title: string;
  /** What tells two groups of the same title apart: account and region. */
  where: string;
  /** Indexes into `MapGraph.nodes`, sorted by name. */
  members: number[];
  findings: number;
  worst?: Severity;
}

export interface MapEdge {
  from: number;
  to: number;
  endpoint: string;
  mechanism: Mechanism;
}

/** Every service once, in exactly one group, and every call between them. */
export interface MapGraph {
  nodes: MapNode[];
  groups: MapGroup[];
  edges: MapEdge[];
  /** Node index by service ARN. */
  byArn: Map<string, number>;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function worse(a: Severity | undefined, b: Severity | undefined) {
  if (!a) return b;
  if (!b) return a;
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/** Key, title and where of one service's group, when grouped by anything but namespace. */
function keyOf(
  groupBy: Exclude<GroupBy, 'namespace'>,
  service: NetworkModel['services'][number],
): [string, string, string] {
  switch (groupBy) {
    case 'cluster':
      return [service.clusterArn, service.cluster, `${service.accountId} / ${service.region}`];
    case 'account':
      return [`${service.accountId}/${service.region}`, `${service.accountId} / ${service.region}`, ''];
    default:
      return service.owner ? [service.owner, service.owner, ''] : ['', '(no owner tag)', ''];
  }
}

/**
 * The map's graph of a network. A service in several namespaces (a Service
 * Connect namespace and a DNS one) is drawn once, in the first of them the
 * list shows it under.
 */
export function buildMapGraph(
  model: NetworkModel,
  index: EstateIndex,
  groupBy: GroupBy,
): MapGraph {
  const groups: MapGroup[] = [];
  const groupOf = new Map<string, number>();
  if (groupBy === 'namespace') {
    for (const group of index.groups) {
      const members = group.serviceArns.filter(arn => !groupOf.has(arn));
      if (members.length === 0) continue;
      for (const arn of members) groupOf.set(arn, groups.length);
      groups.push({
        key: group.key,
        title: group.title,
        // The list's description ends with the account and region.
        where: group.description.split(' · ').slice(1).join(' · '),
        members: [],
        findings: 0,
      });
    }
  } else {
    const keys = new Map<string, [string, string]>();
    for (const service of model.services) {
      const [key, title, where] = keyOf(groupBy, service);
      keys.set(key, [title, where]);
    }
    const sorted = [...keys].sort((a, b) => a[1][0].localeCompare(b[1][0]));
    const at = new Map(sorted.map(([key], i) => [key, i]));
    for (const [key, [title, where]] of sorted) {
      groups.push({ key, title, where, members: [], findings: 0 });
    }
    for (const service of model.services) {
      groupOf.set(service.arn, at.get(keyOf(groupBy, service)[0])!);
    }
  }

  const nodes: MapNode[] = [];
  const byArn = new Map<string, number>();
  const arns = [...groupOf.keys()].sort(
    (a, b) =>
      groupOf.get(a)! - groupOf.get(b)! ||
      index.rows.get(a)!.service.name.localeCompare(index.rows.get(b)!.service.name),
  );
  for (const arn of arns) {
    const row = index.rows.get(arn)!;
    const { service } = row;
    const at = groupOf.get(arn)!;
    const group = groups[at];
    byArn.set(arn, nodes.length);
    group.members.push(nodes.length);
    group.findings += row.findings.length;
    group.worst = worse(group.worst, row.worst);
    nodes.push({
      arn,
      name: service.name,
      group: at,
      owner: service.owner,
      where: `${service.cluster} · ${service.accountId} / ${service.region}`,
      findings: row.findings.length,
      worst: row.worst,
    });
  }

  const edges: MapEdge[] = [];
  for (const edge of model.edges) {
    const from = byArn.get(edge.from);
    const to = byArn.get(edge.to);
    if (from === undefined || to === undefined) continue;
    edges.push({
      from,
      to,
      endpoint: endpointNameFromId(edge.endpointId),
      mechanism: edge.mechanism,
    });
  }
  return { nodes, groups, edges, byArn };
}
