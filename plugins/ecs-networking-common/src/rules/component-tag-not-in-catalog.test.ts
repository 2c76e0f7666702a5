import { findingsOf, scope } from '../testing';
import { componentTagNotInCatalog } from './component-tag-not-in-catalog';

describe('component-tag-not-in-catalog', () => {
  const b = scope();
  b.service('mysql', { tags: { component: 'mysql' } });
  b.service('orders', { tags: { component: 'component:shop/orders' } });
  b.service('billing', { tags: {} });
  const snapshots = [b.build()];

  it('reports a service whose component tag names a Component the catalog lacks', () => {
    const findings = findingsOf(componentTagNotInCatalog.id, snapshots, {
      catalogMissingComponents: ['component:default/mysql'],
    });
    expect(findings).toMatchObject([
      { severity: 'warning', subject: { name: 'mysql' } },
    ]);
    expect(findings[0].message).toContain('component:default/mysql');
    expect(findings[0].fix).toContain('Register component:default/mysql');
  });

  it('says nothing where the catalog was not read', () => {
    expect(findingsOf(componentTagNotInCatalog.id, snapshots)).toEqual([]);
  });
});
