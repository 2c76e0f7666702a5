import { createRandom } from '@ecs-net/aws-local';
import { factId, NetworkFact } from '@ecs-net/plugin-ecs-networking-common';

/**
 * What changes in an estate in an hour, each as a share of its services:
 * 1 % scaled (autoscaling, someone scaling by hand, a scale to zero now and
 * then) and 0.5 % rolled out to a new task definition revision — at 10,000
 * services, 2,400 scalings and 1,200 deploys a day — and, rarer, endpoints
 * added and removed, dependencies that appear and go, findings that open
 * and close.
 */
export interface ChurnRates {
  scaled: number;
  rolledOut: number;
  endpointAdded: number;
  endpointRemoved: number;
  dependencyAdded: number;
  dependencyRemoved: number;
  findingOpened: number;
  findingClosed: number;
}

export const HOURLY_CHURN: ChurnRates = {
  scaled: 0.01,
  rolledOut: 0.005,
  endpointAdded: 0.0005,
  endpointRemoved: 0.0005,
  dependencyAdded: 0.001,
  dependencyRemoved: 0.001,
  findingOpened: 0.001,
  findingClosed: 0.001,
};

const sortedUnion = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

/**
 * An estate's facts hour after hour: each hour's derived from the last by
 * the churn `rates` ask for, deterministically from `seed`. Facts are
 * replaced, never changed in place: a history store may hold the last
 * hour's as its own.
 */
export class FactChurn {
  private readonly facts: Map<string, NetworkFact>;
  private readonly random: () => number;
  /** Findings that closed, to open again: the same finding comes and goes. */
  private readonly closed: NetworkFact[] = [];
  private added = 0;

  constructor(
    initial: NetworkFact[],
    private readonly rates: ChurnRates = HOURLY_CHURN,
    seed = 16,
  ) {
    this.facts = new Map(initial.map(fact => [factId(fact), fact]));
    this.random = createRandom(seed);
  }

  /** The next hour's facts. */
  next(): NetworkFact[] {
    const byKind = { service: [], endpoint: [], edge: [], finding: [] } as Record<NetworkFact['kind'], NetworkFact[]>;
    for (const fact of this.facts.values()) byKind[fact.kind].push(fact);
    const services = byKind.service.length;
    // A share of the services, rounded up or down at random, so small estates change too.
    const times = (rate: number, change: () => void) => {
      const count = Math.floor(rate * services + this.random());
      for (let i = 0; i < count; i++) change();
    };
    const { rates } = this;
    times(rates.scaled, () => this.scale(this.pick(byKind.service)));
    times(rates.rolledOut, () => this.rollOut(this.pick(byKind.service)));
    times(rates.endpointAdded, () => this.addEndpoint(this.pick(byKind.endpoint)));
    times(rates.endpointRemoved, () => this.removeEndpoint(this.pick(byKind.endpoint), byKind.edge));
    times(rates.dependencyAdded, () =>
      this.addDependency(this.pick(byKind.service), this.pick(byKind.endpoint)),
    );
    times(rates.dependencyRemoved, () => this.remove(this.pick(byKind.edge)));
    times(rates.findingOpened, () => this.openFinding(this.pick(byKind.finding), this.pick(byKind.service)));
    times(rates.findingClosed, () => {
      const finding = this.pick(byKind.finding);
      if (finding && this.remove(finding)) this.closed.push(finding);
    });
    return [...this.facts.values()];
  }

  private pick(list: NetworkFact[]): NetworkFact | undefined {
    return list.length ? list[Math.floor(this.random() * list.length)] : undefined;
  }

  /** The fact as it is now: an earlier change this hour may have replaced or removed it. */
  private current(fact: NetworkFact | undefined): NetworkFact | undefined {
    return fact && this.facts.get(factId(fact));
  }

  private put(fact: NetworkFact) {
    this.facts.set(factId(fact), fact);
  }

  private remove(fact: NetworkFact | undefined): boolean {
    return !!fact && this.facts.delete(factId(fact));
  }

  private withAttributes(fact: NetworkFact, attributes: Record<string, string | undefined>) {
    const merged: Record<string, string> = { ...fact.attributes };
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined) delete merged[name];
      else merged[name] = value;
    }
    this.put({ ...fact, attributes: merged });
  }

  private scale(picked: NetworkFact | undefined) {
    const service = this.current(picked);
    if (!service) return;
    const count = Number(service.attributes.desiredCount ?? 1);
    let next: number;
    if (count === 0) next = 2;
    else if (this.random() < 0.05) next = 0;
    else next = Math.max(1, count + (this.random() < 0.5 ? -1 : 1) * (1 + Math.floor(this.random() * 3)));
    if (next === count) next = count + 1;
    this.withAttributes(service, { desiredCount: String(next) });
  }

  private rollOut(picked: NetworkFact | undefined) {
    const service = this.current(picked);
    if (!service) return;
    const [family, revision] = (service.attributes.taskDefinition ?? `${service.label}:0`).split(':');
    this.withAttributes(service, { taskDefinition: `${family}:${Number(revision) + 1}` });
  }

  /** Its service's list of endpoint names, with `name` added or taken out. */
  private relistEndpoints(serviceArn: string, name: string, present: boolean) {
    const service = this.facts.get(factId({ kind: 'service', key: serviceArn }));
    if (!service) return;
    const names = new Set((service.attributes.endpoints ?? '').split(' ').filter(Boolean));
    if (present) names.add(name);
    else names.delete(name);
    this.withAttributes(service, { endpoints: [...names].sort().join(' ') || undefined });
  }

  /** A new port or alias on the service of an endpoint, like it. */
  private addEndpoint(template: NetworkFact | undefined) {
    if (!template) return;
    const n = ++this.added;
    const endpoint: NetworkFact = {
      ...template,
      key: `${template.key}-${n}`,
      label: `${template.label}-${n}`,
      attributes: { ...template.attributes, port: String(9000 + (n % 1000)) },
    };
    this.put(endpoint);
    this.relistEndpoints(endpoint.serviceArns[0], endpoint.label, true);
  }

  /** An endpoint taken away: its service no longer lists it, and nothing calls it any more. */
  private removeEndpoint(picked: NetworkFact | undefined, edges: NetworkFact[]) {
    const endpoint = this.current(picked);
    if (!endpoint || !this.remove(endpoint)) return;
    this.relistEndpoints(endpoint.serviceArns[0], endpoint.label, false);
    const suffix = ` ${endpoint.key}`;
    edges.filter(edge => edge.key.endsWith(suffix)).forEach(edge => this.remove(edge));
  }

  /** A service that starts calling an endpoint: a new environment reference to it. */
  private addDependency(caller: NetworkFact | undefined, picked: NetworkFact | undefined) {
    const endpoint = this.current(picked);
    if (!caller || !endpoint || endpoint.serviceArns.includes(caller.key)) return;
    const n = ++this.added;
    this.put({
      kind: 'edge',
      key: `${caller.key} ${endpoint.key}`,
      label: `${caller.label} → ${endpoint.label}`,
      accountId: caller.accountId,
      region: caller.region,
      attributes: {
        ...(endpoint.attributes.mechanism ? { mechanism: endpoint.attributes.mechanism } : {}),
        to: endpoint.attributes.service ?? endpoint.serviceArns[0],
        evidence: `env:DEP_${n}_URL=${endpoint.attributes.host ?? endpoint.label}`,
      },
      serviceArns: sortedUnion([caller.key], endpoint.serviceArns),
      entityRefs: sortedUnion(caller.entityRefs, endpoint.entityRefs),
    });
  }

  /** A finding that closed opens again, or a finding of the same rule opens on another service. */
  private openFinding(template: NetworkFact | undefined, service: NetworkFact | undefined) {
    if (this.closed.length && this.random() < 0.5) {
      this.put(this.closed.splice(Math.floor(this.random() * this.closed.length), 1)[0]);
      return;
    }
    if (!template || !service) return;
    const [rule] = template.key.split(' ');
    const message = template.attributes.message ?? '';
    this.put({
      ...template,
      key: `${rule} ${service.key} ${message}`,
      label: `${rule}: ${service.label}`,
      accountId: service.accountId,
      region: service.region,
      serviceArns: [service.key],
      entityRefs: service.entityRefs,
    });
  }
}
