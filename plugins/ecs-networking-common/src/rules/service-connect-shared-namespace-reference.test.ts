import { findingsOf, scope } from '../testing';
import { serviceConnectSharedNamespaceReference } from './service-connect-shared-namespace-reference';

const OWNER = '111111111111';
const CONSUMER = '222222222222';

const consumerNaming = (reference: (ns: { id: string; arn: string }) => string) => {
  const owner = scope(OWNER).namespace('shop.local', 'HTTP', 'ns-shop');
  const consumer = scope(CONSUMER).sharedNamespace(owner, 'shop.local');
  const shared = owner.build().namespaces[0];
  consumer.service('loyalty', {
    serviceConnect: {
      namespace: reference(shared),
      services: [
        { portName: 'http', clientAliases: [{ dnsName: 'loyalty', port: 8080 }] },
      ],
    },
  });
  return [owner.build(), consumer.build()];
};

describe('service-connect-shared-namespace-reference', () => {
  it('reports a shared namespace named by its ID, with the ARN in the fix', () => {
    const snapshots = consumerNaming(ns => ns.id);
    const findings = findingsOf(serviceConnectSharedNamespaceReference.id, snapshots);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      subject: { kind: 'service', name: 'loyalty', accountId: CONSUMER },
    });
    expect(findings[0].message).toContain('"ns-shop"');
    expect(findings[0].message).toContain(OWNER);
    expect(findings[0].fix).toContain(snapshots[0].namespaces[0].arn);
  });

  it('accepts the shared namespace named by its ARN', () => {
    expect(
      findingsOf(serviceConnectSharedNamespaceReference.id, consumerNaming(ns => ns.arn)),
    ).toEqual([]);
  });
});
