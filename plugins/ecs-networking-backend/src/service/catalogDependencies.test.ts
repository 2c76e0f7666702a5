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
});
