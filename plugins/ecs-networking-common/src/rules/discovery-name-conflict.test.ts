import { findingsOf, scope } from '../testing';
import { discoveryNameConflict } from './discovery-name-conflict';

const network = (sdName: string) => {
  const b = scope()
    .namespace('corp.local')
    .cloudMapService(sdName, 'corp.local');
  b.service('orders', {
    registries: [{ cloudMapService: sdName, namespace: 'corp.local' }],
    serviceConnect: {
      namespace: 'corp.local',
      services: [
        {
          portName: 'http',
          discoveryName: 'orders',
          clientAliases: [{ dnsName: 'orders', port: 8080 }],
        },
      ],
    },
  });
  return [b.build()];
};

describe('discovery-name-conflict', () => {
  it('reports a Service Discovery name equal to a Service Connect discovery name', () => {
    const findings = findingsOf(discoveryNameConflict.id, network('orders'));
    expect(findings).toMatchObject([
      { severity: 'warning', subject: { name: 'orders' } },
    ]);
    expect(findings[0].message).toContain('orders.corp.local');
  });

  it('accepts different names', () => {
    expect(findingsOf(discoveryNameConflict.id, network('orders-dns'))).toEqual(
      [],
    );
  });
});
