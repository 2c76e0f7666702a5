import { findingsOf, scope } from '../testing';
import { serviceConnectPortName } from './service-connect-port-name';

const withPortName = (portName: string) => {
  const b = scope();
  b.service('orders', {
    containers: [{ ports: [{ name: 'http', containerPort: 8080 }] }],
    serviceConnect: {
      namespace: 'sc.local',
      services: [
        { portName, clientAliases: [{ dnsName: 'orders', port: 8080 }] },
      ],
    },
  });
  return [b.build()];
};

describe('service-connect-port-name', () => {
  it('reports a port name no port mapping carries', () => {
    const findings = findingsOf(serviceConnectPortName.id, withPortName('web'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      subject: { kind: 'service', name: 'orders' },
    });
    expect(findings[0].message).toContain('"web"');
    expect(findings[0].fix).toContain('http');
  });

  it('accepts a port name that matches a port mapping', () => {
    expect(findingsOf(serviceConnectPortName.id, withPortName('http'))).toEqual(
      [],
    );
  });
});
