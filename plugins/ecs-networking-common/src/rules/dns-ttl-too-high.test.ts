import { findingsOf, scope } from '../testing';
import { dnsTtlTooHigh } from './dns-ttl-too-high';

const withTtl = (ttl: number) => {
  const b = scope()
    .namespace('app')
    .cloudMapService('mysql', 'app', { records: [{ type: 'A', ttl }] });
  b.service('mysql', {
    registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
  });
  return [b.build()];
};

describe('dns-ttl-too-high', () => {
  it('reports a TTL above 60 seconds', () => {
    const findings = findingsOf(dnsTtlTooHigh.id, withTtl(300));
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        subject: { kind: 'cloud-map-service', name: 'mysql' },
      },
    ]);
    expect(findings[0].message).toContain('300 s');
  });

  it('accepts 60 seconds', () => {
    expect(findingsOf(dnsTtlTooHigh.id, withTtl(60))).toEqual([]);
  });
});
