import { compareStrings } from '../names';
import { factId, NetworkFact, NetworkFactKind } from './networkFacts';

/** @public */
export type ChangeAction = 'added' | 'removed' | 'changed';

/** One value of a fact that changed; `before` or `after` is absent when the value was or became unset. @public */
export interface AttributeChange {
  name: string;
  before?: string;
  after?: string;
}

/**
 * A service, endpoint, edge or finding that appeared, went, or changed
 * between two generations of the network. A finding that appeared is one
 * that opened; one that went, closed.
 *
 * @public
 */
export interface NetworkChange {
  kind: NetworkFactKind;
  action: ChangeAction;
  key: string;
  label: string;
  accountId: string;
  region: string;
  /** What changed, for `changed`; the values it had or has, for `removed` and `added`. */
  attributes: AttributeChange[];
  /** ARNs of the ECS services it concerns, before and after. */
  serviceArns: string[];
  /** Owners and Components of those services, before and after. */
  entityRefs: string[];
}

/** One changed value in words: `owner team-a → team-b`, `port=8080`, `tls was on`. @public */
export function describeAttributeChange(attribute: AttributeChange): string {
  if (attribute.before === undefined) return `${attribute.name}=${attribute.after}`;
  if (attribute.after === undefined) return `${attribute.name} was ${attribute.before}`;
  return `${attribute.name} ${attribute.before} → ${attribute.after}`;
}

const KIND_ORDER: Record<NetworkFactKind, number> = { service: 0, endpoint: 1, edge: 2, finding: 3 };

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort(compareStrings);

function attributeChanges(before: NetworkFact | undefined, after: NetworkFact | undefined): AttributeChange[] {
  const old = before?.attributes ?? {};
  const now = after?.attributes ?? {};
  const names = union(Object.keys(old), Object.keys(now));
  return names
    .filter(name => old[name] !== now[name])
    .map(name => ({
      name,
      ...(old[name] !== undefined ? { before: old[name] } : {}),
      ...(now[name] !== undefined ? { after: now[name] } : {}),
    }));
}

function change(action: ChangeAction, before: NetworkFact | undefined, after: NetworkFact | undefined): NetworkChange {
  const fact = (after ?? before)!;
  return {
    kind: fact.kind,
    action,
    key: fact.key,
    label: fact.label,
    accountId: fact.accountId,
    region: fact.region,
    attributes: attributeChanges(before, after),
    serviceArns: union(before?.serviceArns ?? [], after?.serviceArns ?? []),
    entityRefs: union(before?.entityRefs ?? [], after?.entityRefs ?? []),
  };
}

/** Whether two facts' values are the same, without building anything: most facts of a generation did not change. */
function sameAttributes(a: Record<string, string>, b: Record<string, string>): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every(name => a[name] === b[name]);
}

const byId = (facts: Iterable<NetworkFact>) => new Map([...facts].map(fact => [factId(fact), fact]));

/**
 * What changed from one generation's facts to the next: additions,
 * removals, and facts whose values changed, ordered services first, then
 * endpoints, edges and findings, each by label. Pure.
 *
 * @public
 */
export function diffFacts(before: Iterable<NetworkFact>, after: Iterable<NetworkFact>): NetworkChange[] {
  return diffFactsById(byId(before), byId(after));
}

/**
 * `diffFacts` of two generations' facts already keyed by `factId`, as a
 * history store keeps them: at 10,000 services a generation has some
 * 40,000 facts, and keying them again is most of a diff's time.
 *
 * @public
 */
export function diffFactsById(
  before: ReadonlyMap<string, NetworkFact>,
  after: ReadonlyMap<string, NetworkFact>,
): NetworkChange[] {
  const changes: NetworkChange[] = [];
  for (const [id, fact] of after) {
    const previous = before.get(id);
    if (!previous) {
      changes.push(change('added', undefined, fact));
    } else if (!sameAttributes(previous.attributes, fact.attributes) && attributeChanges(previous, fact).length > 0) {
      changes.push(change('changed', previous, fact));
    }
  }
  for (const [id, fact] of before) {
    if (!after.has(id)) changes.push(change('removed', fact, undefined));
  }
  return changes.sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      compareStrings(a.label, b.label) ||
      compareStrings(a.key, b.key),
  );
}
