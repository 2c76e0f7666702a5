import { findingsOf, scope } from '../testing';
import { ownerTagMissing } from './owner-tag-missing';

describe('owner-tag-missing', () => {
  const b = scope();
  b.service('orders', { tags: { team: 'payments' } });
  b.service('billing', { tags: { owner: 'payments' } });
  const snapshots = [b.build()];

  it('reports a service without the owner tag', () => {
    expect(findingsOf(ownerTagMissing.id, snapshots)).toMatchObject([
      { severity: 'warning', subject: { name: 'orders' } },
    ]);
  });

  it('reads the owner tag key from the options', () => {
    const findings = findingsOf(ownerTagMissing.id, snapshots, {
      tagKeys: { owner: 'team' },
    });
    expect(findings.map(f => f.subject.name)).toEqual(['billing']);
    expect(findings[0].fix).toContain('team=');
  });
});
