import { findingsOf, scope } from '../testing';
import { cloudMapHealthCheckMissing } from './cloud-map-health-check-missing';

const network = (customHealthCheck: boolean) => {
  const b = scope()
    .namespace('app')
    .cloudMapService('mysql', 'app', { customHealthCheck });
  b.service('mysql', {
    registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
  });
  return [b.build()];
};

describe('cloud-map-health-check-missing', () => {
  it('reports a Cloud Map service used by ECS without any health check', () => {
    const findings = findingsOf(cloudMapHealthCheckMissing.id, network(false));
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        subject: { kind: 'cloud-map-service', name: 'mysql' },
      },
    ]);
    expect(findings[0].fix).toContain('HealthCheckCustomConfig');
  });

  it('accepts a custom health check config', () => {
    expect(findingsOf(cloudMapHealthCheckMissing.id, network(true))).toEqual(
      [],
    );
  });

  it('ignores the API-only services ECS manages for Service Connect', () => {
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
    expect(findingsOf(cloudMapHealthCheckMissing.id, [b.build()])).toEqual([]);
  });
});
