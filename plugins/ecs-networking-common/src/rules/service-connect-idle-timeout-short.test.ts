import { findingsOf, scope } from '../testing';
import {
  serviceConnectIdleTimeoutShort,
  SHORT_IDLE_TIMEOUT_SECONDS,
} from './service-connect-idle-timeout-short';

const withIdleTimeout = (idleTimeoutSeconds: number, appProtocol = 'grpc') => {
  const b = scope();
  b.service('prices', {
    containers: [{ ports: [{ name: 'grpc', containerPort: 50051, appProtocol }] }],
    serviceConnect: {
      namespace: 'sc.local',
      services: [
        {
          portName: 'grpc',
          clientAliases: [{ dnsName: 'prices', port: 50051 }],
          timeout: { idleTimeoutSeconds },
        },
      ],
    },
  });
  return [b.build()];
};

describe('service-connect-idle-timeout-short', () => {
  it('reports a very short idle timeout on a gRPC port', () => {
    const findings = findingsOf(serviceConnectIdleTimeoutShort.id, withIdleTimeout(5));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      subject: { kind: 'service', name: 'prices' },
    });
    expect(findings[0].message).toContain('5 s');
    expect(findings[0].fix).toContain(String(SHORT_IDLE_TIMEOUT_SECONDS));
  });

  it('accepts a long one, one turned off (0), and a short one on plain HTTP', () => {
    for (const snapshots of [
      withIdleTimeout(SHORT_IDLE_TIMEOUT_SECONDS),
      withIdleTimeout(0),
      withIdleTimeout(5, 'http'),
    ]) {
      expect(findingsOf(serviceConnectIdleTimeoutShort.id, snapshots)).toEqual([]);
    }
  });
});
