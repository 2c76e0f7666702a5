import { findingsOf, scope } from '../testing';
import { namespaceUnused } from './namespace-unused';

describe('namespace-unused', () => {
  it('reports only the namespace nothing uses', () => {
    const b = scope()
      .namespace('sc.local', 'HTTP')
      .namespace('app')
      .namespace('default.local', 'HTTP')
      .namespace('ec2.local')
      .namespace('forgotten.local')
      .cluster('main', { defaultNamespace: 'default.local' })
      .cloudMapService('mysql', 'app')
      .cloudMapService('bastion', 'ec2.local', {
        instances: [{ id: 'i-0abc', ipv4: '10.0.9.9' }],
      });
    b.service('orders', {
      serviceConnect: { namespace: 'sc.local', services: [] },
    });
    b.service('mysql', {
      registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
    });
    const findings = findingsOf(namespaceUnused.id, [b.build()]);
    expect(
      findings.map(f => [f.severity, f.subject.kind, f.subject.name]),
    ).toEqual([['info', 'namespace', 'forgotten.local']]);
  });
});
