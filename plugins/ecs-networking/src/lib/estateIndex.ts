import {
  compareSeverities,
  findingSubjectsOf,
  SEVERITIES,
  worstSeverity,
  type Endpoint,
  type Finding,
  type Mechanism,
  type ModelService,
  type NamespaceType,
  type NetworkModel,
  type Severity,
} from '@ecs-net/plugin-ecs-networking-common';
import { MECHANISM_LABELS, MECHANISMS } from './describe';

/** The facets the network page filters by. */
export type Facet =
  | 'account'
  | 'region'
  | 'cluster'
  | 'owner'
  | 'mechanism'
  | 'severity';

export const FACETS: Facet[] = [
  'account',
  'region',
  'cluster',
  'owner',
  'mechanism',
  'severity',
];

export type EstateFilter = Partial<Record<Facet, string>> & { text?: string };

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface ServiceRow {
  service: ModelService;
  endpoints: Endpoint[];
  findings: Finding[];
  worst?: Severity;
  callers: number;
  callees: number;
}

export interface NamespaceGroup {
  key: string;
  title: string;
  description: string;
  /** Sorted by service name. */
  serviceArns: string[];
}

export interface EstateIndex {
  rows: Map<string, ServiceRow>;
  groups: NamespaceGroup[];
  options: Record<Facet, FacetOption[]>;
  /** ARNs of the services that pass every set facet and the text. */
  matching(filter: EstateFilter): Set<string>;
  /** Findings for the filter, worst first. */
  findingsFor(filter: EstateFilter, matching: Set<string>): Finding[];
}

const NO_OWNER = '';
const NO_NAMESPACE = 'none';

const NAMESPACE_TYPES: Record<NamespaceType, string> = {
  HTTP: 'HTTP namespace (API discovery only)',
  DNS_PRIVATE: 'private DNS namespace',
  DNS_PUBLIC: 'public DNS namespace',
};

class SetMap {
  readonly map = new Map<string, Set<string>>();

  add(key: string, value: string): void {
    const set = this.map.get(key);
    if (set) set.add(value);
    else this.map.set(key, new Set([value]));
  }

  get(key: string): Set<string> {
    return this.map.get(key) ?? new Set();
  }
}

function byText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function optionsOf(
  values: SetMap,
  label: (value: string) => string,
  order?: readonly string[],
): FacetOption[] {
  const options = [...values.map].map(([value, arns]) => ({
    value,
    label: label(value),
    count: arns.size,
  }));
  return order
    ? options.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
    : options.sort((a, b) => byText(a.label, b.label));
}

/**
 * Indexes a network for the page's filters: one inverted index per facet, so
 * that narrowing 2,000 services intersects a few sets instead of re-testing
 * every service against every facet.
 */
export function createEstateIndex(model: NetworkModel): EstateIndex {
  const endpointsByService = new Map<string, Endpoint[]>();
  for (const endpoint of model.endpoints) {
    const list = endpointsByService.get(endpoint.serviceArn);
    if (list) list.push(endpoint);
    else endpointsByService.set(endpoint.serviceArn, [endpoint]);
  }

  // The subjects the entity card counts for a service, so a row's badge and
  // the severity filter see the findings its card shows.
  const servicesBySubject = new SetMap();
  for (const service of model.services) {
    for (const subject of findingSubjectsOf(service)) {
      servicesBySubject.add(subject, service.arn);
    }
  }
  const findingsByService = new Map<string, Finding[]>();
  for (const finding of model.findings) {
    for (const arn of servicesBySubject.get(finding.subject.arn)) {
      const list = findingsByService.get(arn);
      if (list) list.push(finding);
      else findingsByService.set(arn, [finding]);
    }
  }

  const callers = new SetMap();
  const callees = new SetMap();
  for (const edge of model.edges) {
    callers.add(edge.to, edge.from);
    callees.add(edge.from, edge.to);
  }

  const facets: Record<Facet, SetMap> = {
    account: new SetMap(),
    region: new SetMap(),
    cluster: new SetMap(),
    owner: new SetMap(),
    mechanism: new SetMap(),
    severity: new SetMap(),
  };
  const clusterLabels = new Map<string, string>();
  const haystacks = new Map<string, string>();
  const rows = new Map<string, ServiceRow>();
  const members = new SetMap();

  for (const service of model.services) {
    const endpoints = endpointsByService.get(service.arn) ?? [];
    const findings = findingsByService.get(service.arn) ?? [];
    rows.set(service.arn, {
      service,
      endpoints,
      findings,
      worst: worstSeverity(findings.map(f => f.severity)),
      callers: callers.get(service.arn).size,
      callees: callees.get(service.arn).size,
    });

    facets.account.add(service.accountId, service.arn);
    facets.region.add(service.region, service.arn);
    facets.cluster.add(service.clusterArn, service.arn);
    clusterLabels.set(
      service.clusterArn,
      `${service.cluster} (${service.accountId}, ${service.region})`,
    );
    facets.owner.add(service.owner ?? NO_OWNER, service.arn);
    for (const endpoint of endpoints) {
      facets.mechanism.add(endpoint.mechanism, service.arn);
    }
    for (const finding of findings) {
      facets.severity.add(finding.severity, service.arn);
    }
    haystacks.set(
      service.arn,
      [
        service.name,
        service.cluster,
        service.owner ?? '',
        ...endpoints.map(e => e.name),
      ]
        .join('\n')
        .toLowerCase(),
    );

    const namespaces = new Set(
      endpoints.flatMap(e => (e.namespace ? [e.namespace.arn] : [])),
    );
    if (service.serviceConnectNamespace) {
      namespaces.add(service.serviceConnectNamespace);
    }
    if (namespaces.size === 0) namespaces.add(NO_NAMESPACE);
    for (const ns of namespaces) members.add(ns, service.arn);
  }

  const byName = (a: string, b: string) =>
    byText(rows.get(a)!.service.name, rows.get(b)!.service.name) ||
    byText(a, b);
  const groups: NamespaceGroup[] = model.namespaces
    .filter(ns => members.get(ns.arn).size > 0)
    .map(ns => ({
      key: ns.arn,
      title: ns.name,
      description: `${NAMESPACE_TYPES[ns.type]} · ${ns.accountId} / ${
        ns.region
      }`,
      serviceArns: [...members.get(ns.arn)].sort(byName),
    }));
  // Services whose namespace is not in the model (deleted, or in a scope
  // that failed to read) must not vanish from the page.
  const known = new Set(groups.map(g => g.key));
  const orphans = [...members.map]
    .filter(([key]) => !known.has(key))
    .flatMap(([, arns]) => [...arns]);
  if (orphans.length > 0) {
    groups.push({
      key: NO_NAMESPACE,
      title: 'No namespace',
      description:
        'Services without Service Connect or Service Discovery, or whose namespace was not read',
      serviceArns: [...new Set(orphans)].sort(byName),
    });
  }

  const options: Record<Facet, FacetOption[]> = {
    account: optionsOf(facets.account, v => v),
    region: optionsOf(facets.region, v => v),
    cluster: optionsOf(facets.cluster, v => clusterLabels.get(v) ?? v),
    owner: optionsOf(facets.owner, v =>
      v === NO_OWNER ? '(no owner tag)' : v,
    ),
    mechanism: optionsOf(
      facets.mechanism,
      v => MECHANISM_LABELS[v as Mechanism] ?? v,
      MECHANISMS,
    ),
    // Counted in findings, not services: the number beside "warning" is
    // the number of findings the list shows when it is picked.
    severity: optionsOf(facets.severity, v => v, SEVERITIES).map(option => ({
      ...option,
      count: model.findings.filter(f => f.severity === option.value).length,
    })),
  };

  const allArns = new Set(rows.keys());

  function matching(filter: EstateFilter): Set<string> {
    const sets = FACETS.flatMap(facet => {
      const value = filter[facet];
      return value === undefined ? [] : [facets[facet].get(value)];
    }).sort((a, b) => a.size - b.size);
    let result: Set<string>;
    if (sets.length === 0) {
      result = allArns;
    } else {
      const [smallest, ...rest] = sets;
      result = new Set(
        [...smallest].filter(arn => rest.every(set => set.has(arn))),
      );
    }
    const text = filter.text?.trim().toLowerCase();
    if (!text) return result;
    return new Set(
      [...result].filter(arn => haystacks.get(arn)!.includes(text)),
    );
  }

  function findingsFor(filter: EstateFilter, services: Set<string>): Finding[] {
    const serviceLevel =
      filter.cluster !== undefined ||
      filter.owner !== undefined ||
      filter.mechanism !== undefined ||
      !!filter.text?.trim();
    return model.findings
      .filter(finding => {
        const { subject } = finding;
        if (
          filter.severity !== undefined &&
          finding.severity !== filter.severity
        )
          return false;
        if (
          filter.account !== undefined &&
          subject.accountId !== filter.account
        )
          return false;
        if (filter.region !== undefined && subject.region !== filter.region)
          return false;
        if (!serviceLevel) return true;
        return [...servicesBySubject.get(subject.arn)].some(arn =>
          services.has(arn),
        );
      })
      .sort(
        (a, b) =>
          compareSeverities(a.severity, b.severity) ||
          byText(a.subject.name, b.subject.name) ||
          byText(a.ruleId, b.ruleId),
      );
  }

  return { rows, groups, options, matching, findingsFor };
}
