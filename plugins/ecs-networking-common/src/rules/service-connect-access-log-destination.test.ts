import { findingsOf, scope } from '../testing';
import { serviceConnectAccessLogDestination } from './service-connect-access-log-destination';

const withAccessLogs = (logDriver?: string) => {
  const b = scope();
  b.service('orders', {
    serviceConnect: {
      namespace: 'sc.local',
      services: [{ portName: 'http', clientAliases: [{ dnsName: 'orders', port: 8080 }] }],
      accessLog: { format: 'JSON' },
      logDriver,
    },
  });
  return [b.build()];
};

describe('service-connect-access-log-destination', () => {
  it('reports access logs without a log configuration', () => {
    const findings = findingsOf(serviceConnectAccessLogDestination.id, withAccessLogs());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      subject: { kind: 'service', name: 'orders' },
    });
    expect(findings[0].fix).toContain('logConfiguration');
  });

  it('accepts access logs with a log configuration', () => {
    expect(
      findingsOf(serviceConnectAccessLogDestination.id, withAccessLogs('awslogs')),
    ).toEqual([]);
  });
});
