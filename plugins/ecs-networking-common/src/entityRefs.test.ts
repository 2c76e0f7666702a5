import { entityRefFromTag } from './entityRefs';

describe('entityRefFromTag', () => {
  it('completes a bare name with the default kind and namespace', () => {
    expect(entityRefFromTag('team-a', 'group')).toBe('group:default/team-a');
    expect(entityRefFromTag('orders', 'component')).toBe(
      'component:default/orders',
    );
  });

  it('keeps the kind and namespace a value names', () => {
    expect(entityRefFromTag('user:default/jane', 'group')).toBe(
      'user:default/jane',
    );
    expect(entityRefFromTag('component:shop/orders', 'component')).toBe(
      'component:shop/orders',
    );
  });

  it('ignores the spaces around a value, as AWS keeps them', () => {
    expect(entityRefFromTag('  orders ', 'component')).toBe(
      'component:default/orders',
    );
  });

  it('gives nothing for values that cannot be a valid ref', () => {
    expect(entityRefFromTag(undefined, 'group')).toBeUndefined();
    expect(entityRefFromTag('   ', 'group')).toBeUndefined();
    expect(entityRefFromTag('Team Platform', 'group')).toBeUndefined();
    expect(entityRefFromTag('group:default/', 'group')).toBeUndefined();
    expect(entityRefFromTag('a'.repeat(64), 'group')).toBeUndefined();
  });
});
