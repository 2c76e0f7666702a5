import { entityRefFromTag } from '../entityRefs';
import { findingSubjectsOf } from '../findingSubjects';
import type { Edge, Endpoint, Finding, ModelService, NetworkModel } from '../model';
import { compareStrings } from '../names';

/** @public */
export type NetworkFactKind = 'service' | 'endpoint' | 'edge' | 'finding';

/**
 * One thing in a network as history compares it between generations: a
 * service, an endpoint, a dependency edge or an open finding, with the
 * values whose change is worth telling (as text, so any two compare) and
 * what it concerns. Much smaller than the model: history keeps the last
 * generation's facts to diff the next one against.
 *
 * @public
 */
export interface NetworkFact {
  kind: NetworkFactKind;
  /**
   * Stable within its kind: the service ARN, the endpoint id, `caller ARN
   * endpoint id` for an edge, `rule subject ARN message` for a finding.
   */
  key: string;
  /** What a person reads: the service or endpoint name, `caller → endpoint`, `rule: subject`. */
  label: string;
  accountId: string;
  region: string;
  attributes: Record<string, string>;
  /** ARNs of the ECS services it concerns. */
  serviceArns: string[];
  /** Catalog entities it concerns: the owners and linked Components of those services. */
  entityRefs: string[];
}

/** Unique among a generation's facts. @public */
export function factId(fact: Pick<NetworkFact, 'kind' | 'key'>): string {
  return `${fact.kind} ${fact.key}`;
}

/** @public */
export interface NetworkFactsOptions {
  /** Desired task count by service ARN, where known: a scale to zero is a change worth telling. */
  desiredCounts?: ReadonlyMap<string, number>;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort(compareStrings);

/** Drops empty values, so a value that is absent and one that is empty compare equal. */
function attributes(values: Record<string, string | number | boolean | undefined>) {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') result[name] = String(value);
  }
  return result;
}

function serviceRefs(service: ModelService | undefined): string[] {
  if (!service) return [];
  return [
    entityRefFromTag(service.owner, 'group'),
    entityRefFromTag(service.component, 'component'),
  ].filter((ref): ref is string => !!ref);
}

/** The revision part of a task definition ARN (`orders:42`): what a rollout changes. */
function taskDefinition(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function endpointText(endpoint: Endpoint | undefined, id: string): string {
  return endpoint?.name ?? id;
}

/**
 * The facts of a network model, sorted by kind and key. Pure: the backend
 * records the diff of two generations' facts, the CLI diffs two scans'.
 *
 * @public
 */
export function networkFacts(model: NetworkModel, options: NetworkFactsOptions = {}): NetworkFact[] {
  const services = new Map(model.services.map(s => [s.arn, s]));
  const endpoints = new Map(model.endpoints.map(e => [e.id, e]));
  // Findings are raised on a service, its task definition or its Cloud Map services.
  const servicesBySubject = new Map<string, string[]>();
  for (const service of model.services) {
    for (const subject of findingSubjectsOf(service)) {
      servicesBySubject.set(subject, [...(servicesBySubject.get(subject) ?? []), service.arn]);
    }
  }
  const refsOf = (arns: string[]) => sorted(arns.flatMap(arn => serviceRefs(services.get(arn))));

  const serviceFact = (s: ModelService): NetworkFact => ({
    kind: 'service',
    key: s.arn,
    label: s.name,
    accountId: s.accountId,
    region: s.region,
    attributes: attributes({
      cluster: s.cluster,
      taskDefinition: taskDefinition(s.taskDefinitionArn),
      desiredCount: options.desiredCounts?.get(s.arn),
      owner: s.owner,
      system: s.system,
      lifecycle: s.lifecycle,
      component: s.component,
      networkMode: s.networkMode,
      serviceConnect: s.serviceConnect ? s.serviceConnectNamespaceName ?? 'on' : undefined,
      endpoints: sorted(s.endpointIds.map(id => endpointText(endpoints.get(id), id))).join(' '),
    }),
    serviceArns: [s.arn],
    entityRefs: refsOf([s.arn]),
  });

  const endpointFact = (e: Endpoint): NetworkFact => ({
    kind: 'endpoint',
    key: e.id,
    label: e.name,
    accountId: e.accountId,
    region: e.region,
    attributes: attributes({
      mechanism: e.mechanism,
      host: e.host,
      port: e.port,
      service: services.get(e.serviceArn)?.name ?? e.serviceArn,
      namespace: e.namespace?.name,
      reachableFrom: e.reachableFrom,
      portName: e.portName,
      discoveryName: e.discoveryName,
      routingPolicy: e.routingPolicy,
      dnsRecords: e.dnsRecords?.map(r => `${r.type}/${r.ttl}`).join(' '),
      tls: e.tls ? 'on' : undefined,
      timeout: e.timeout ? JSON.stringify(e.timeout) : undefined,
    }),
    serviceArns: [e.serviceArn],
    entityRefs: refsOf([e.serviceArn]),
  });

  const edgeFact = (e: Edge): NetworkFact => {
    const caller = services.get(e.from);
    const arns = sorted([e.from, e.to]);
    return {
      kind: 'edge',
      key: `${e.from} ${e.endpointId}`,
      label: `${caller?.name ?? e.from} → ${endpointText(endpoints.get(e.endpointId), e.endpointId)}`,
      accountId: caller?.accountId ?? '',
      region: caller?.region ?? '',
      attributes: attributes({
        mechanism: e.mechanism,
        to: services.get(e.to)?.name ?? e.to,
        evidence: sorted(e.evidence.map(ev => `${ev.kind}:${ev.variable ?? ''}=${ev.reference}`)).join(' '),
      }),
      serviceArns: arns,
      entityRefs: refsOf(arns),
    };
  };

  const findingFact = (f: Finding): NetworkFact => {
    const arns = sorted(servicesBySubject.get(f.subject.arn) ?? []);
    return {
      kind: 'finding',
      key: `${f.ruleId} ${f.subject.arn} ${f.message}`,
      label: `${f.ruleId}: ${f.subject.name}`,
      accountId: f.subject.accountId,
      region: f.subject.region,
      attributes: attributes({ severity: f.severity, message: f.message, fix: f.fix }),
      serviceArns: arns,
      entityRefs: refsOf(arns),
    };
  };

  const facts = [
    ...model.services.map(serviceFact),
    ...model.endpoints.map(endpointFact),
    ...model.edges.map(edgeFact),
    ...model.findings.map(findingFact),
  ];
  // Two findings can say the same of the same subject (one per container); one fact is enough.
  const unique = new Map(facts.map(f => [factId(f), f]));
  return [...unique.values()];
}
