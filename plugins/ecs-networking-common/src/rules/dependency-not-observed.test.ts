import { DriftInput, pairKey } from '../drift';
import { findingsOf, scope } from '../testing';
import { dependencyNotObserved } from './dependency-not-observed';

const DAY = 24 * 3600_000;
const sc = (name: string) => ({
  namespace: 'sc.local',
  services: [{ portName: 'http', discoveryName: name, clientAliases: [{ dnsName: name, port: 8080 }] }],
});

/** orders calls users, declares users and payments. */
function shop() {
  const b = scope().namespace('sc.local', 'HTTP');
  b.service('orders', {
    serviceConnect: sc('orders'),
    tags: { component: 'orders' },
    containers: [{ environment: { USERS_URL: 'http://users:8080' } }],
  });
  b.service('users', { serviceConnect: sc('users'), tags: { component: 'users' } });
  b.service('payments', { serviceConnect: sc('payments'), tags: { component: 'payments' } });
  return b;
}

function input(b: ReturnType<typeof shop>, extra: Partial<DriftInput> = {}): DriftInput {
  return {
    components: [
      {
        component: 'component:default/orders',
        declared: [
          { ref: 'component:default/users', relation: 'dependsOn', serviceArns: [b.serviceArn('users')] },
          { ref: 'component:default/payments', relation: 'dependsOn', serviceArns: [b.serviceArn('payments')] },
          // Outside the network this plugin reads: a database, a Component on no ECS service.
          { ref: 'resource:default/orders-db', relation: 'dependsOn', serviceArns: [] },
          { ref: 'component:default/ledger', relation: 'dependsOn', serviceArns: [] },
        ],
      },
    ],
    entityRefs: {},
    lastObserved: {},
    watchedSince: '2026-01-01T00:00:00.000Z',
    now: '2026-01-09T00:00:00.000Z',
    notObservedAfterMs: 7 * DAY,
    ...extra,
  };
}

describe('dependency-not-observed', () => {
  it('reports a declared service nobody has seen the Component call for the configured time', () => {
    const b = shop();
    const findings = findingsOf(dependencyNotObserved.id, [b.build()], { drift: input(b) });
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'info',
        subject: expect.objectContaining({ name: 'orders' }),
        message:
          'component:default/orders declares component:default/payments in spec.dependsOn, but no network evidence has shown its services calling it for 7 days or more.',
        fix: 'If the dependency is gone, remove "- component:default/payments" from spec.dependsOn of component:default/orders; if it is real, name the endpoint in the caller\'s configuration so it can be seen.',
      }),
    ]);
  });

  it('waits the configured time from the last evidence, the start of watching and the services’ creation', () => {
    const b = shop();
    const payments = pairKey(b.serviceArn('orders'), b.serviceArn('payments'));
    const quiet = (extra: Partial<DriftInput>) =>
      findingsOf(dependencyNotObserved.id, [b.build()], { drift: input(b, extra) });
    expect(quiet({ lastObserved: { [payments]: '2026-01-03T00:00:00.000Z' } })).toEqual([]);
    expect(quiet({ lastObserved: { [payments]: '2026-01-02T00:00:00.000Z' } })).toHaveLength(1);
    expect(quiet({ watchedSince: '2026-01-05T00:00:00.000Z' })).toEqual([]);
    expect(quiet({ notObservedAfterMs: 9 * DAY })).toEqual([]);

    const young = shop();
    young.service('payments', { serviceConnect: sc('payments'), createdAt: '2026-01-04T00:00:00.000Z' });
    expect(findingsOf(dependencyNotObserved.id, [young.build()], { drift: input(young) })).toEqual([]);
  });

  it('counts a call from any of the Component’s services to any of the declared one’s', () => {
    const eu = shop();
    const us = scope('111122223333', 'us-east-1').namespace('sc.local', 'HTTP');
    // Only the US deployment calls payments, its own region's.
    us.service('orders', {
      serviceConnect: sc('orders'),
      tags: { component: 'orders' },
      containers: [{ environment: { PAYMENTS_URL: 'http://payments:8080' } }],
    });
    us.service('payments', { serviceConnect: sc('payments'), tags: { component: 'payments' } });
    const drift = input(eu);
    expect(findingsOf(dependencyNotObserved.id, [eu.build(), us.build()], { drift })).toHaveLength(1);
    drift.components[0].declared[1].serviceArns.push(us.serviceArn('payments'));
    expect(findingsOf(dependencyNotObserved.id, [eu.build(), us.build()], { drift })).toEqual([]);
  });

  it('says nothing where the catalog was not read', () => {
    expect(findingsOf(dependencyNotObserved.id, [shop().build()])).toEqual([]);
  });
});
