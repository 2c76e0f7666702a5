import { findingsOf, scope } from '../testing';
import { serviceConnectTlsBypassed } from './service-connect-tls-bypassed';

const TLS = {
  certificateAuthorityArn: 'arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/ca',
};

/** orders answers on Service Connect (with or without TLS) and on a Service Discovery name. */
function estate(options: {
  tls: boolean;
  callerUses: string;
  callerOnServiceConnect?: boolean;
}) {
  const b = scope()
    .namespace('sc.local', 'HTTP')
    .namespace('app')
    .cloudMapService('orders', 'app');
  b.service('orders', {
    serviceConnect: {
      namespace: 'sc.local',
      services: [
        {
          portName: 'http',
          clientAliases: [{ dnsName: 'orders', port: 8080 }],
          ...(options.tls ? { tls: TLS } : {}),
        },
      ],
    },
    registries: [
      {
        cloudMapService: 'orders',
        namespace: 'app',
        containerName: 'app',
        containerPort: 8080,
      },
    ],
  });
  b.service('web', {
    containers: [{ environment: { ORDERS: options.callerUses } }],
    ...(options.callerOnServiceConnect
      ? { serviceConnect: { namespace: 'sc.local', services: [] } }
      : {}),
  });
  return [b.build()];
}

describe('service-connect-tls-bypassed', () => {
  it('reports a caller that reaches a TLS service by its DNS name, around the proxy', () => {
    const findings = findingsOf(
      serviceConnectTlsBypassed.id,
      estate({ tls: true, callerUses: 'http://orders.app:8080' }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      subject: { kind: 'service', name: 'web' },
    });
    expect(findings[0].message).toContain('orders.app');
    expect(findings[0].message).toContain('Service Discovery DNS name');
    expect(findings[0].fix).toContain('orders:8080');
  });

  it('accepts the same call to a service without TLS, and a call through the Service Connect alias', () => {
    expect(
      findingsOf(
        serviceConnectTlsBypassed.id,
        estate({ tls: false, callerUses: 'http://orders.app:8080' }),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        serviceConnectTlsBypassed.id,
        estate({
          tls: true,
          callerUses: 'http://orders:8080',
          callerOnServiceConnect: true,
        }),
      ),
    ).toEqual([]);
  });
});
