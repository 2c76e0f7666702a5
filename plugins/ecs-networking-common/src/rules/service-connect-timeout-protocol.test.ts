import { findingsOf, scope } from '../testing';
import { serviceConnectTimeoutProtocol } from './service-connect-timeout-protocol';

const withPerRequestTimeout = (appProtocol?: string) => {
  const b = scope();
  b.service('payments', {
    containers: [{ ports: [{ name: 'api', containerPort: 8080, appProtocol }] }],
    serviceConnect: {
      namespace: 'sc.local',
      services: [
        {
          portName: 'api',
          clientAliases: [{ dnsName: 'payments', port: 8080 }],
          timeout: { perRequestTimeoutSeconds: 15 },
        },
      ],
    },
  });
  return [b.build()];
};

describe('service-connect-timeout-protocol', () => {
  it('reports a per-request timeout on a port without appProtocol (TCP)', () => {
    const findings = findingsOf(serviceConnectTimeoutProtocol.id, withPerRequestTimeout());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      subject: { kind: 'service', name: 'payments' },
    });
    expect(findings[0].message).toContain('perRequestTimeoutSeconds 15');
    expect(findings[0].fix).toContain('appProtocol');
  });

  it('accepts it on an HTTP port', () => {
    expect(findingsOf(serviceConnectTimeoutProtocol.id, withPerRequestTimeout('http'))).toEqual([]);
  });
});
