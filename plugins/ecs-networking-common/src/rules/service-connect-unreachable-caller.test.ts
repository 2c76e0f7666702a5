import { findingsOf, scope, ServiceSpec } from '../testing';
import { serviceConnectUnreachableCaller } from './service-connect-unreachable-caller';

function network(caller: ServiceSpec) {
  const b = scope()
    .namespace('sc.local', 'HTTP')
    .namespace('other.local', 'HTTP');
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
  b.service('web', {
    ...caller,
    containers: [{ environment: { ORDERS_URL: 'http://orders:8080' } }],
  });
  return [b.build()];
}

describe('service-connect-unreachable-caller', () => {
  it('reports a caller without Service Connect', () => {
    const findings = findingsOf(
      serviceConnectUnreachableCaller.id,
      network({}),
    );
    expect(findings).toMatchObject([
      { severity: 'error', subject: { name: 'web' } },
    ]);
    expect(findings[0].message).toContain('does not run Service Connect');
    expect(findings[0].fix).toContain('Service Discovery');
  });

  it('reports a caller in another namespace', () => {
    const findings = findingsOf(
      serviceConnectUnreachableCaller.id,
      network({ serviceConnect: { namespace: 'other.local', services: [] } }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('other.local');
  });

  it('accepts a caller in the same namespace', () => {
    expect(
      findingsOf(
        serviceConnectUnreachableCaller.id,
        network({ serviceConnect: { namespace: 'sc.local', services: [] } }),
      ),
    ).toEqual([]);
  });
});
