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
