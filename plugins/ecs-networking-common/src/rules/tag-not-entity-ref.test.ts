import { findingsOf, scope } from '../testing';
import { tagNotEntityRef } from './tag-not-entity-ref';

describe('tag-not-entity-ref', () => {
  const b = scope();
  b.service('orders', { tags: { owner: 'team-orders', system: 'shop', component: 'component:default/orders' } });
  b.service('payments', { tags: { owner: 'Team Payments', system: 'système-paiement', component: 'x'.repeat(64) } });
  const snapshots = [b.build()];

  it('reports each tag that cannot name an entity, with the value and how to fix it', () => {
    const findings = findingsOf(tagNotEntityRef.id, snapshots);
    expect(findings.map(f => [f.subject.name, f.message]).sort()).toEqual([
      ['payments', `The "component" tag "${'x'.repeat(64)}" cannot name a catalog entity, so it is ignored.`],
      ['payments', 'The "owner" tag "Team Payments" cannot name a catalog entity, so it is ignored.'],
      ['payments', 'The "system" tag "système-paiement" cannot name a catalog entity, so it is ignored.'],
    ]);
    expect(findings.find(f => f.message.includes('système'))).toMatchObject({
      severity: 'warning',
      fix: expect.stringContaining('system:default/<name>'),
    });
  });

  it('reads the tag keys from the options', () => {
    const findings = findingsOf(tagNotEntityRef.id, snapshots, { tagKeys: { system: 'domain' } });
    expect(findings.map(f => f.message)).not.toContainEqual(expect.stringContaining('système'));
  });
});
