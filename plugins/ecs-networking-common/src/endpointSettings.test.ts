import type { Endpoint } from './model';
import { endpointSettings } from './endpointSettings';

const base: Endpoint = {
  id: 'connect:111122223333:eu-west-1:sc.local:orders:8080',
  mechanism: 'connect',
  name: 'orders:8080',
  host: 'orders',
  port: 8080,
  serviceArn: 'arn:aws:ecs:eu-west-1:111122223333:service/main/orders',
  accountId: '111122223333',
  region: 'eu-west-1',
  reachableFrom: 'service-connect-namespace',
};

describe('endpointSettings', () => {
  it('says TLS is off on a plain Service Connect name', () => {
    expect(endpointSettings(base)).toEqual(['TLS off']);
  });

  it('names the CA, the timeouts (0 is off) and the access logs', () => {
    expect(
      endpointSettings({
        ...base,
        tls: {
          certificateAuthorityArn:
            'arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/0a1b',
        },
        timeout: { idleTimeoutSeconds: 0, perRequestTimeoutSeconds: 30 },
        accessLog: { format: 'JSON', includeQueryParameters: 'ENABLED' },
      }),
    ).toEqual([
      'TLS (AWS Private CA 0a1b)',
      'idle timeout off',
      'per-request timeout 30 s',
      'access logs JSON with query parameters',
    ]);
  });

  it('gives a Lattice endpoint its target group and port name, a DNS name nothing', () => {
    expect(
      endpointSettings({
        ...base,
        mechanism: 'lattice',
        reachableFrom: 'vpc-lattice',
        targetGroupArn: 'arn:aws:vpc-lattice:eu-west-1:111122223333:targetgroup/tg-1',
        portName: 'http',
      }),
    ).toEqual([
      'VPC Lattice target group arn:aws:vpc-lattice:eu-west-1:111122223333:targetgroup/tg-1',
      'port name http',
    ]);
    expect(endpointSettings({ ...base, mechanism: 'dns', reachableFrom: 'vpc' })).toEqual([]);
  });
});
