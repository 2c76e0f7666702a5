import { findingsOf, scope } from '../testing';
import { duplicateDiscoveryName } from './duplicate-discovery-name';

const network = (secondDiscoveryName?: string) => {
  const b = scope();
  b.service('orders', {
    serviceConnect: {
      namespace: 'sc.local',
      services: [
        {
          portName: 'http',
          clientAliases: [{ dnsName: 'orders', port: 8080 }],
        },
      ],
    },
  });
  b.service('billing', {
    serviceConnect: {
      namespace: 'sc.local',
      services: [
        {
          portName: 'http',
          discoveryName: secondDiscoveryName,
          clientAliases: [{ dnsName: 'billing', port: 8080 }],
        },
      ],
    },
  });
  return [b.build()];
};

describe('duplicate-discovery-name', () => {
  it('reports two entries whose discovery name defaults to the same port name', () => {
    const findings = findingsOf(duplicateDiscoveryName.id, network());
    expect(findings.map(f => f.subject.name)).toEqual(['billing', 'orders']);
    expect(findings[0]).toMatchObject({ severity: 'error' });
    expect(findings[0].message).toContain('"http"');
  });

  it('accepts distinct discovery names', () => {
    expect(findingsOf(duplicateDiscoveryName.id, network('billing'))).toEqual(
      [],
    );
  });
});
