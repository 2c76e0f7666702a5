import { analyzeNetwork } from '../analyze';
import { scope, ScopeBuilder } from '../testing';
import { diffFacts, diffFactsById } from './diffFacts';
import { factId, networkFacts } from './networkFacts';

const ordersConnect = (port = 8080) => ({
  namespace: 'sc.local',
  services: [{ portName: 'http', discoveryName: 'orders', clientAliases: [{ dnsName: 'orders', port }] }],
});

/** The shop: `web` calls `orders` through Service Connect; `orders` has an owner and a Component. */
function shop(options: { ordersPort?: number; webCallsOrders?: boolean; ordersOwner?: string } = {}) {
  const b = scope().namespace('sc.local', 'HTTP');
  b.service('orders', {
    serviceConnect: ordersConnect(options.ordersPort),
    tags: { owner: options.ordersOwner ?? 'team-orders', component: 'orders-api' },
  });
  b.service('web', {
    serviceConnect: { namespace: 'sc.local', services: [] },
    containers: [
      { environment: options.webCallsOrders === false ? {} : { ORDERS_URL: 'http://orders:8080/api' } },
    ],
    tags: { owner: 'team-web' },
  });
  return b;
}

const factsOf = (b: ScopeBuilder, desiredCounts?: Map<string, number>) =>
  networkFacts(analyzeNetwork([b.build()]), { desiredCounts });

const summary = (changes: ReturnType<typeof diffFacts>) =>
  changes.map(c => `${c.action} ${c.kind} ${c.label}`);

describe('diffFacts', () => {
  it('finds nothing between equal generations', () => {
    expect(diffFacts(factsOf(shop()), factsOf(shop()))).toEqual([]);
  });

  it('tells an added and a removed service, with its endpoint and the entities concerned', () => {
    const before = shop();
    const after = shop();
    after.service('payments', {
      serviceConnect: {
        namespace: 'sc.local',
        services: [{ portName: 'http', clientAliases: [{ dnsName: 'payments', port: 8443 }] }],
      },
      tags: { owner: 'team-pay' },
    });
    const added = diffFacts(factsOf(before), factsOf(after));
    expect(summary(added)).toEqual(['added service payments', 'added endpoint payments:8443']);
    expect(added[0]).toMatchObject({
      key: after.serviceArn('payments'),
      accountId: '111122223333',
      region: 'eu-west-1',
      serviceArns: [after.serviceArn('payments')],
      entityRefs: ['group:default/team-pay'],
    });
    expect(added[0].attributes).toContainEqual({ name: 'endpoints', after: 'payments:8443' });
    expect(summary(diffFacts(factsOf(after), factsOf(before)))).toEqual([
      'removed service payments',
      'removed endpoint payments:8443',
    ]);
  });

  it('tells a changed service: owner, scale to zero', () => {
    const b = shop();
    const arn = b.serviceArn('orders');
    const changes = diffFacts(
      factsOf(b, new Map([[arn, 2]])),
      factsOf(shop({ ordersOwner: 'team-checkout' }), new Map([[arn, 0]])),
    );
    const service = changes.find(c => c.kind === 'service')!;
    expect(service.action).toBe('changed');
    expect(service.attributes).toEqual([
      { name: 'desiredCount', before: '2', after: '0' },
      { name: 'owner', before: 'team-orders', after: 'team-checkout' },
    ]);
    // Before and after: both teams hear of it.
    expect(service.entityRefs).toEqual([
      'component:default/orders-api',
      'group:default/team-checkout',
      'group:default/team-orders',
    ]);
  });

  it('tells an endpoint whose port changed as a new endpoint and a gone one, and the edge and finding that follow', () => {
    const changes = diffFacts(factsOf(shop()), factsOf(shop({ ordersPort: 9090 })));
    expect(summary(changes)).toEqual([
      'changed service orders',
      'removed endpoint orders:8080',
      'added endpoint orders:9090',
      'removed edge web → orders:8080',
      'added finding reference-unresolved: web',
    ]);
    expect(changes[0].attributes).toEqual([
      { name: 'endpoints', before: 'orders:8080', after: 'orders:9090' },
    ]);
  });

  it('tells an edge that appeared, with both ends as the services concerned', () => {
    const before = shop({ webCallsOrders: false });
    const changes = diffFacts(factsOf(before), factsOf(shop()));
    expect(summary(changes)).toEqual(['added edge web → orders:8080']);
    expect(changes[0].serviceArns).toEqual(
      [before.serviceArn('orders'), before.serviceArn('web')].sort(),
    );
    expect(changes[0].attributes).toContainEqual({
      name: 'evidence',
      after: 'environment:ORDERS_URL=http://orders:8080/api',
    });
  });

  it('tells a changed edge: new evidence for the same call', () => {
    const after = scope().namespace('sc.local', 'HTTP');
    after.service('orders', { serviceConnect: ordersConnect(), tags: { owner: 'team-orders', component: 'orders-api' } });
    after.service('web', {
      serviceConnect: { namespace: 'sc.local', services: [] },
      containers: [{ environment: { ORDERS_URL: 'http://orders:8080/api', ORDERS_HEALTH: 'http://orders:8080/health' } }],
      tags: { owner: 'team-web' },
    });
    const changes = diffFacts(factsOf(shop()), factsOf(after));
    expect(summary(changes)).toEqual(['changed edge web → orders:8080']);
    expect(changes[0].attributes[0].name).toBe('evidence');
  });

  it('tells a finding that opened and one that closed', () => {
    const untagged = scope().namespace('sc.local', 'HTTP');
    untagged.service('orders', { serviceConnect: ordersConnect(), tags: {} });
    const opened = diffFacts(
      networkFacts(analyzeNetwork([shop().build()])),
      networkFacts(analyzeNetwork([untagged.build()])),
    ).filter(c => c.kind === 'finding');
    expect(summary(opened)).toContain('added finding owner-tag-missing: orders');
    const finding = opened.find(c => c.label === 'owner-tag-missing: orders')!;
    expect(finding.serviceArns).toEqual([untagged.serviceArn('orders')]);
    expect(finding.attributes.map(a => a.name)).toEqual(['fix', 'message', 'severity']);
    const closed = diffFacts(
      networkFacts(analyzeNetwork([untagged.build()])),
      networkFacts(analyzeNetwork([shop().build()])),
    );
    expect(summary(closed)).toContain('removed finding owner-tag-missing: orders');
  });

  it('diffs facts a store keeps keyed by id as it diffs lists', () => {
    const keyed = (facts: ReturnType<typeof networkFacts>) => new Map(facts.map(f => [factId(f), f]));
    const arn = shop().serviceArn('orders');
    const before = factsOf(shop(), new Map([[arn, 2]]));
    const after = factsOf(shop({ ordersPort: 9090, ordersOwner: 'team-checkout' }), new Map([[arn, 2]]));
    const changes = diffFactsById(keyed(before), keyed(after));
    expect(changes).toEqual(diffFacts(before, after));
    expect(summary(changes)).toContain('changed service orders');
    // Values equal but listed in another order are the same values.
    const reordered = before.map(f => ({ ...f, attributes: Object.fromEntries(Object.entries(f.attributes).reverse()) }));
    expect(diffFactsById(keyed(before), keyed(reordered))).toEqual([]);
  });
});
