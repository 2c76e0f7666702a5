import { analyzeNetwork } from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';
import { buildEntities } from './buildEntities';

const options = {
  providerName: 'ecs-networking-test',
  defaultOwner: 'group:default/platform-team',
  createComponents: false,
};

function resourceOf(tags: Record<string, string>) {
  const b = scope().service('orders', { tags });
  const entities = buildEntities(analyzeNetwork([b.build()]), options);
  return entities.find(
    e => e.kind === 'Resource' && e.metadata.title === 'orders',
  ) as any;
}

describe('buildEntities tag refs', () => {
  it('reads owner, system and component tags as entity refs', () => {
    const resource = resourceOf({
      owner: ' team-orders ',
      system: 'shop',
      component: 'component:shop/orders-api',
    });
    expect(resource.spec).toMatchObject({
      owner: 'group:default/team-orders',
      system: 'system:default/shop',
    });
    expect(resource.spec.dependencyOf).toEqual(['component:shop/orders-api']);
  });

  it('gives the default owner, not an invalid ref, for a tag that cannot be one', () => {
    const resource = resourceOf({ owner: 'Team Platform', system: 'the shop' });
    expect(resource.spec.owner).toBe('group:default/platform-team');
    expect(resource.spec.system).toBeUndefined();
  });
});

describe('buildEntities titles and owners', () => {
  it('titles same-named services, namespaces and endpoints with where they run; names stay', () => {
    const eu = scope(undefined, 'eu-west-1').namespace('sc.local', 'HTTP');
    const us = scope(undefined, 'us-east-1').namespace('sc.local', 'HTTP');
    for (const b of [eu, us]) {
      b.service('users', {
        tags: {},
        serviceConnect: { namespace: 'sc.local', services: [{ portName: 'http', clientAliases: [{ dnsName: 'users', port: 8080 }] }] },
      });
    }
    eu.service('orders', { tags: {} });
    const entities = buildEntities(analyzeNetwork([eu.build(), us.build()]), options);
    const titles = (kind: string) =>
      entities.filter(e => kind === e.kind).map(e => [e.metadata.title, e.metadata.name]).sort();
    expect(titles('Resource')).toEqual([
      ['orders', 'orders-main-euw1-3333'],
      ['sc.local (eu-west-1)', 'sc.local-euw1-3333'],
      ['sc.local (us-east-1)', 'sc.local-use1-3333'],
      ['users (eu-west-1)', 'users-main-euw1-3333'],
      ['users (us-east-1)', 'users-main-use1-3333'],
    ]);
    expect(titles('API').map(([title]) => title)).toEqual(['users:8080 (eu-west-1)', 'users:8080 (us-east-1)']);
    expect(entities.find(e => e.kind === 'API')!.metadata.description).toContain('(111122223333, eu-west-1)');
  });

  it("gives a namespace the owner of its own owner tag before its users'", () => {
    const b = scope().namespace('sc.local', 'HTTP');
    b.service('users', {
      tags: { owner: 'team-web' },
      serviceConnect: { namespace: 'sc.local', services: [{ portName: 'http' }] },
    });
    const snapshot = b.build();
    const namespaceOwner = () =>
      buildEntities(analyzeNetwork([snapshot]), options).find(e => e.metadata.title === 'sc.local')!.spec!.owner;
    expect(namespaceOwner()).toBe('group:default/team-web');
    snapshot.namespaces[0].tags = { owner: 'team-platform' };
    expect(namespaceOwner()).toBe('group:default/team-platform');
  });
});

describe('buildEntities component links', () => {
  it('links no Component the catalog lacks: the finding says so instead', () => {
    const b = scope();
    b.service('mysql', { tags: { component: 'mysql' } });
    b.service('orders', { tags: { component: 'orders' } });
    const model = analyzeNetwork([b.build()], { catalogMissingComponents: ['component:default/mysql'] });
    const entities = buildEntities(model, options);
    const dependencyOf = (title: string) => entities.find(e => e.metadata.title === title)!.spec!.dependencyOf;
    expect(dependencyOf('mysql')).toBeUndefined();
    expect(dependencyOf('orders')).toEqual(['component:default/orders']);
    expect(model.findings.map(f => [f.ruleId, f.subject.name])).toContainEqual(['component-tag-not-in-catalog', 'mysql']);
  });

  it('has a created Component provide its service’s endpoints', () => {
    const b = scope().namespace('sc.local', 'HTTP');
    b.service('users', {
      tags: {},
      serviceConnect: { namespace: 'sc.local', services: [{ portName: 'http', clientAliases: [{ dnsName: 'users', port: 8080 }] }] },
    });
    const entities = buildEntities(analyzeNetwork([b.build()]), { ...options, createComponents: true });
    const component = entities.find(e => e.kind === 'Component')!;
    const api = entities.find(e => e.kind === 'API')!;
    expect(component.spec!.providesApis).toEqual([`api:default/${api.metadata.name}`]);
  });
});
