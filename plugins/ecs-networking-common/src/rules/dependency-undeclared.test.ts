import type { DriftInput } from '../drift';
import { findingsOf, scope } from '../testing';
import { dependencyUndeclared } from './dependency-undeclared';

const sc = (name: string) => ({
  namespace: 'sc.local',
  services: [{ portName: 'http', discoveryName: name, clientAliases: [{ dnsName: name, port: 8080 }] }],
});

/** orders calls users, payments and mysql; only users is declared. */
function shop() {
  const b = scope().namespace('sc.local', 'HTTP').namespace('app').cloudMapService('mysql', 'app');
  b.service('orders', {
    serviceConnect: sc('orders'),
    tags: { owner: 'team-orders', component: 'orders' },
    containers: [
      {
        environment: {
          USERS_URL: 'http://users:8080',
          PAYMENTS_URL: 'http://payments:8080',
          DATABASE_URL: 'jdbc:mysql://mysql.app:3306/orders',
        },
      },
    ],
  });
  b.service('users', { serviceConnect: sc('users'), tags: { component: 'users' } });
  b.service('payments', { serviceConnect: sc('payments'), tags: { component: 'payments' } });
  b.service('mysql', {
    registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
    containers: [{ ports: [{ name: 'mysql', containerPort: 3306 }] }],
  });
  return b;
}

function drift(b: ReturnType<typeof shop>, declared: DriftInput['components'][0]['declared']): DriftInput {
  return {
    components: [
      { component: 'component:default/orders', declared },
      { component: 'component:default/users', declared: [] },
      { component: 'component:default/payments', declared: [] },
    ],
    entityRefs: { [b.serviceArn('mysql')]: 'resource:default/mysql-main' },
    lastObserved: {},
    watchedSince: '2026-01-01T00:00:00.000Z',
    now: '2026-01-01T00:00:00.000Z',
    notObservedAfterMs: 0,
  };
}

describe('dependency-undeclared', () => {
  it('reports each called service the Component does not declare, with the dependsOn line to add', () => {
    const b = shop();
    const users = { ref: 'component:default/users', relation: 'dependsOn' as const, serviceArns: [b.serviceArn('users')] };
    const findings = findingsOf(dependencyUndeclared.id, [b.build()], { drift: drift(b, [users]) });
    expect(findings.map(f => [f.severity, f.subject.name, f.fix])).toEqual([
      ['warning', 'orders', 'Add this line under spec.dependsOn of component:default/orders: - resource:default/mysql-main'],
      ['warning', 'orders', 'Add this line under spec.dependsOn of component:default/orders: - component:default/payments'],
    ]);
    expect(findings[1].message).toBe(
      'orders calls payments through payments:8080 (container app variable PAYMENTS_URL), but component:default/orders declares no dependency on component:default/payments.',
    );
  });

  it('takes an API the Component consumes as declaring the service behind it', () => {
    const b = shop();
    const snapshot = b.build();
    const mysqlApi = {
      ref: 'api:default/mysql-app',
      relation: 'consumesApis' as const,
      serviceArns: [],
      endpointIds: ['dns:111122223333:eu-west-1:app:mysql.app'],
    };
    const payments = { ref: 'component:default/payments', relation: 'dependsOn' as const, serviceArns: [] };
    const users = { ref: 'component:default/users', relation: 'dependsOn' as const, serviceArns: [b.serviceArn('users')] };
    // payments resolves to no ARN here, yet its ref names the Component the called service links to.
    const findings = findingsOf(dependencyUndeclared.id, [snapshot], { drift: drift(b, [users, mysqlApi, payments]) });
    expect(findings).toEqual([]);
  });

  it('says which entity is missing when the catalog holds none for the called service yet', () => {
    const b = shop();
    const input = { ...drift(b, [{ ref: 'component:default/users', relation: 'dependsOn' as const, serviceArns: [b.serviceArn('users')] }]), entityRefs: {} };
    const findings = findingsOf(dependencyUndeclared.id, [b.build()], { drift: input });
    expect(findings.map(f => f.fix)).toContain(
      'The catalog holds no entity for mysql yet (the catalog module publishes one at its next refresh): then add it under spec.dependsOn of component:default/orders.',
    );
  });

  it('ignores declared-only edges, calls within the Component, and services of no hand-written Component', () => {
    const b = scope().namespace('sc.local', 'HTTP');
    // A depends-on tag declares, it does not observe.
    b.service('orders', { serviceConnect: sc('orders'), tags: { component: 'orders', 'depends-on': 'users:8080' } });
    b.service('users', { serviceConnect: sc('users'), tags: { component: 'users' } });
    b.service('orders-worker', {
      serviceConnect: sc('orders-worker'),
      tags: { component: 'orders' },
      containers: [{ environment: { API: 'http://orders:8080' } }],
    });
    // A caller whose Component is not a hand-written one in the catalog.
    b.service('batch', { serviceConnect: sc('batch'), containers: [{ environment: { API: 'http://users:8080' } }] });
    const input: DriftInput = {
      components: [{ component: 'component:default/orders', declared: [] }],
      entityRefs: {},
      lastObserved: {},
      watchedSince: '2026-01-01T00:00:00.000Z',
      now: '2026-01-01T00:00:00.000Z',
      notObservedAfterMs: 0,
    };
    expect(findingsOf(dependencyUndeclared.id, [b.build()], { drift: input })).toEqual([]);
  });

  it('says nothing where the catalog was not read', () => {
    expect(findingsOf(dependencyUndeclared.id, [shop().build()])).toEqual([]);
  });
});
