import { findingsOf, scope } from '../testing';
import { serviceConnectNamespaceRegion } from './service-connect-namespace-region';

const OWNER = '111111111111';
const CONSUMER = '222222222222';

const joining = (ownerRegion: string) => {
  const owner = scope(OWNER, ownerRegion).namespace('shop.local', 'HTTP');
  const consumer = scope(CONSUMER, 'eu-west-1');
  consumer.service('loyalty', {
    serviceConnect: { namespace: owner.namespaceArn('shop.local'), services: [] },
  });
  return [owner.build(), consumer.build()];
};

describe('service-connect-namespace-region', () => {
  it('reports a service joining a shared namespace of another region', () => {
    const findings = findingsOf(serviceConnectNamespaceRegion.id, joining('us-east-1'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      subject: { kind: 'service', name: 'loyalty', region: 'eu-west-1' },
    });
    expect(findings[0].message).toContain('us-east-1');
    expect(findings[0].message).toContain(`account ${OWNER}`);
    expect(findings[0].fix).toContain('eu-west-1');
  });

  it('accepts a shared namespace of the same region', () => {
    expect(findingsOf(serviceConnectNamespaceRegion.id, joining('eu-west-1'))).toEqual([]);
  });
});
