import type { NetworkMode } from '../snapshot';
import { findingsOf, scope } from '../testing';
import { dnsARecordNetworkMode } from './dns-a-record-network-mode';

const network = (networkMode: NetworkMode) => {
  const b = scope()
    .namespace('app')
    .cloudMapService('api', 'app', { records: [{ type: 'A', ttl: 10 }] });
  b.service('api', {
    networkMode,
    registries: [
      {
        cloudMapService: 'api',
        namespace: 'app',
        containerName: 'app',
        containerPort: 8080,
      },
    ],
  });
  return [b.build()];
};

describe('dns-a-record-network-mode', () => {
  it.each(['bridge', 'host'] as const)('reports A records in %s mode', mode => {
    const findings = findingsOf(dnsARecordNetworkMode.id, network(mode));
    expect(findings).toMatchObject([
      { severity: 'error', subject: { name: 'api' } },
    ]);
    expect(findings[0].message).toContain(mode);
    expect(findings[0].fix).toContain('SRV');
  });

  it('accepts A records in awsvpc mode', () => {
    expect(findingsOf(dnsARecordNetworkMode.id, network('awsvpc'))).toEqual([]);
  });
});
