import { findingsOf, scope } from '../testing';
import { serviceConnectClientRedeploy } from './service-connect-client-redeploy';

function network(clientSince: string, serverSince: string) {
  const b = scope();
  b.service('orders', {
    serviceConnect: {
      namespace: 'sc.local',
      since: serverSince,
      services: [
        {
          portName: 'http',
          clientAliases: [{ dnsName: 'orders', port: 8080 }],
        },
      ],
    },
  });
  b.service('web', {
    serviceConnect: { namespace: 'sc.local', since: clientSince, services: [] },
    containers: [{ environment: { ORDERS_URL: 'http://orders:8080' } }],
  });
  return [b.build()];
}

describe('service-connect-client-redeploy', () => {
  it('reports a client deployed before the endpoint it calls', () => {
    const findings = findingsOf(
      serviceConnectClientRedeploy.id,
      network('2025-01-01T00:00:00Z', '2025-03-01T00:00:00Z'),
    );
    expect(findings).toMatchObject([
      { severity: 'info', subject: { name: 'web' } },
    ]);
    expect(findings[0].fix).toContain('new deployment of web');
  });

  it('accepts a client deployed after the endpoint', () => {
    expect(
      findingsOf(
        serviceConnectClientRedeploy.id,
        network('2025-03-01T00:00:00Z', '2025-01-01T00:00:00Z'),
      ),
    ).toEqual([]);
  });
});
