import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ANNOTATIONS } from '@ecs-net/plugin-ecs-networking-common';
import { readCatalogDependsOn } from './catalogDependencies';

const A = 'arn:aws:ecs:eu-west-1:111111111111:service/web/portal';
const B = 'arn:aws:ecs:eu-west-1:111111111111:service/shop/orders';
const C = 'arn:aws:ecs:eu-west-1:111111111111:service/shop/users';

function component(name: string, dependsOn: string[], annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team', dependsOn },
  };
}

describe('readCatalogDependsOn', () => {
  it('resolves a linked Component’s dependsOn to service ARNs', async () => {
    const catalog = catalogServiceMock({
      entities: [
        component('portal', ['resource:default/orders-res', 'users']),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: 'orders-res', namespace: 'default', annotations: { [ANNOTATIONS.serviceArn]: B } },
          spec: { type: 'ecs-service', owner: 'team' },
        },
        component('users', []),
      ],
    });
    const result = await readCatalogDependsOn(catalog, mockServices.auth(), [
      { arn: A, component: 'portal' },
      { arn: B },
      { arn: C, component: 'component:default/users' },
    ]);
    expect(result).toEqual({ dependsOn: { [A]: [B, C] }, missingComponents: [] });
  });

  it('picks the linked service in the caller’s own account and region', async () => {
    const usersUs = 'arn:aws:ecs:us-east-1:111111111111:service/shop-us/users';
    const catalog = catalogServiceMock({
      entities: [component('portal', ['users']), component('users', [])],
    });
    const result = await readCatalogDependsOn(catalog, mockServices.auth(), [
      { arn: A, component: 'portal' },
      { arn: C, component: 'users' },
      { arn: usersUs, component: 'users' },
    ]);
    expect(result).toEqual({ dependsOn: { [A]: [C] }, missingComponents: [] });

    // From another account, the one in its own region.
    const partner = 'arn:aws:ecs:eu-west-1:222222222222:service/data/portal';
    const across = await readCatalogDependsOn(catalog, mockServices.auth(), [
      { arn: partner, component: 'portal' },
      { arn: C, component: 'users' },
      { arn: usersUs, component: 'users' },
    ]);
    expect(across.dependsOn).toEqual({ [partner]: [C] });
  });

  it('ignores Components this plugin published itself', async () => {
    const catalog = catalogServiceMock({
      entities: [
        component('portal', ['users'], { 'backstage.io/managed-by-location': 'ecs-networking:ecs-networking' }),
        component('users', []),
      ],
    });
    const result = await readCatalogDependsOn(catalog, mockServices.auth(), [
      { arn: A, component: 'portal' },
      { arn: C, component: 'users' },
    ]);
    expect(result).toEqual({ dependsOn: {}, missingComponents: [] });
  });

  it('names the tagged Components the catalog does not hold', async () => {
    const catalog = catalogServiceMock({ entities: [component('portal', ['users'])] });
    const result = await readCatalogDependsOn(catalog, mockServices.auth(), [
      { arn: A, component: 'portal' },
      { arn: B, component: 'mysql' },
      { arn: C, component: 'component:shop/users' },
    ]);
    expect(result.missingComponents).toEqual(['component:default/mysql', 'component:shop/users']);
  });

  it('reads, for drift, each Component’s declarations resolved to services, and the entity a dependsOn line names', async () => {
    const managed = { 'backstage.io/managed-by-location': 'ecs-networking:ecs-networking' };
    const published = (kind: string, name: string, annotations: Record<string, string>): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name, namespace: 'default', annotations: { ...managed, ...annotations } },
      spec: { type: kind === 'API' ? 'ecs-service-connect' : 'ecs-service', owner: 'team' },
    });
    const portal = component('portal', ['users', 'resource:default/postgres']);
    portal.spec!.consumesApis = ['orders-8080', 'users-openapi'];
    const usersApi: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'users-openapi', namespace: 'default' },
      spec: { type: 'openapi', owner: 'team', lifecycle: 'production', definition: '{}' },
      relations: [{ type: 'apiProvidedBy', targetRef: 'component:default/users' }],
    };
    const catalog = catalogServiceMock({
      entities: [
        portal,
        usersApi,
        component('users', []),
        published('API', 'orders-8080', { [ANNOTATIONS.endpointId]: 'connect:111111111111:eu-west-1:sc.local:orders:8080' }),
        // orders has a Resource and a generated Component: the Component is named.
        published('Resource', 'orders-res', { [ANNOTATIONS.serviceArn]: B }),
        published('Component', 'orders-gen', { [ANNOTATIONS.serviceArn]: B }),
        published('Resource', 'users-res', { [ANNOTATIONS.serviceArn]: C }),
      ],
    });
    const result = await readCatalogDependsOn(
      catalog,
      mockServices.auth(),
      [
        { arn: A, component: 'portal' },
        { arn: B },
        { arn: C, component: 'users' },
      ],
      { declarations: true },
    );
    expect(result.components).toEqual([
      {
        component: 'component:default/portal',
        declared: [
          { ref: 'component:default/users', relation: 'dependsOn', serviceArns: [C] },
          // Not in the catalog, not in the network: stands for no service.
          { ref: 'resource:default/postgres', relation: 'dependsOn', serviceArns: [] },
          {
            ref: 'api:default/orders-8080',
            relation: 'consumesApis',
            serviceArns: [],
            endpointIds: ['connect:111111111111:eu-west-1:sc.local:orders:8080'],
          },
          // A hand-written API: the services of the Component that provides it.
          { ref: 'api:default/users-openapi', relation: 'consumesApis', serviceArns: [C] },
        ],
      },
      { component: 'component:default/users', declared: [] },
    ]);
    // users is named by its hand-written Component, so it needs no entry.
    expect(result.entityRefs).toEqual({ [B]: 'component:default/orders-gen' });
    expect(result.dependsOn).toEqual({ [A]: [C] });
  });
});
