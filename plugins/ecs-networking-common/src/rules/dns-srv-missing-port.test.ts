import { findingsOf, scope } from '../testing';
import { dnsSrvMissingPort } from './dns-srv-missing-port';

const network = (registry: {
  containerName?: string;
  containerPort?: number;
}) => {
  const b = scope()
    .namespace('app')
    .cloudMapService('legacy', 'app', { records: [{ type: 'SRV', ttl: 10 }] });
  b.service('legacy', {
    networkMode: 'bridge',
    registries: [{ cloudMapService: 'legacy', namespace: 'app', ...registry }],
  });
  return [b.build()];
};

describe('dns-srv-missing-port', () => {
  it('reports an SRV registration without container name and port', () => {
    expect(
      findingsOf(dnsSrvMissingPort.id, network({ containerName: 'app' })),
    ).toMatchObject([{ severity: 'error', subject: { name: 'legacy' } }]);
  });

  it('accepts one with container name and port', () => {
    expect(
      findingsOf(
        dnsSrvMissingPort.id,
        network({ containerName: 'app', containerPort: 8080 }),
      ),
    ).toEqual([]);
  });
});
