import { findingsOf, scope } from '../testing';
import { duplicateClientAlias } from './duplicate-client-alias';

const network = (secondPort: number) => {
  const b = scope();
  const sc = (port: number) => ({
    namespace: 'sc.local',
    services: [
      {
        portName: 'http',
        discoveryName: `orders-${port}`,
        clientAliases: [{ dnsName: 'orders', port }],
      },
    ],
  });
  b.service('orders', { serviceConnect: sc(8080) });
  b.service('orders-next', { cluster: 'next', serviceConnect: sc(secondPort) });
  return [b.build()];
};

describe('duplicate-client-alias', () => {
  it('reports every service claiming the same alias in a namespace', () => {
    const findings = findingsOf(duplicateClientAlias.id, network(8080));
    expect(findings.map(f => [f.severity, f.subject.name])).toEqual([
      ['error', 'orders'],
      ['error', 'orders-next'],
    ]);
    expect(findings[0].message).toContain('next/orders-next');
  });

  it('accepts the same name on another port', () => {
    expect(findingsOf(duplicateClientAlias.id, network(9090))).toEqual([]);
  });

  it('does not count one service claiming its alias in two entries', () => {
    const b = scope();
    b.service('orders', {
      serviceConnect: {
        namespace: 'sc.local',
        services: [
          {
            portName: 'http',
            discoveryName: 'orders',
            clientAliases: [{ dnsName: 'orders', port: 8080 }],
          },
          {
            portName: 'admin',
            discoveryName: 'orders-admin',
            clientAliases: [{ dnsName: 'orders', port: 8080 }],
          },
        ],
      },
    });
    expect(findingsOf(duplicateClientAlias.id, [b.build()])).toEqual([]);
  });
});
