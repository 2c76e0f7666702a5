import { findingsOf, scope } from '../testing';
import { serviceConnectNamespaceMissing } from './service-connect-namespace-missing';

const sc = {
  services: [
    { portName: 'http', clientAliases: [{ dnsName: 'orders', port: 8080 }] },
  ],
};

describe('service-connect-namespace-missing', () => {
  it('reports Service Connect with no namespace on the service or cluster', () => {
    const b = scope();
    b.service('orders', { serviceConnect: sc });
    expect(
      findingsOf(serviceConnectNamespaceMissing.id, [b.build()]),
    ).toMatchObject([{ severity: 'error', subject: { name: 'orders' } }]);
  });

  it('accepts a namespace from the cluster default', () => {
    const b = scope().cluster('main', { defaultNamespace: 'sc.local' });
    b.service('orders', { serviceConnect: sc });
    expect(findingsOf(serviceConnectNamespaceMissing.id, [b.build()])).toEqual(
      [],
    );
  });
});
