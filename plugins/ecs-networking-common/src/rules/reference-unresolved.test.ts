import { findingsOf, scope } from '../testing';
import { referenceUnresolved } from './reference-unresolved';

describe('reference-unresolved', () => {
  it('reports each reference that names no endpoint, with where it was found', () => {
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
    b.service('web', {
      containers: [{ environment: { ORDERS_URL: 'http://ordrs:8080' } }],
      tags: { owner: 'team-a', 'depends-on': 'paymnts' },
    });
    const findings = findingsOf(referenceUnresolved.id, [b.build()]);
    expect(
      findings.map(f => [f.severity, f.subject.name, f.message.split(',')[0]]),
    ).toEqual([
      [
        'warning',
        'web',
        'container app variable ORDERS_URL names http://ordrs:8080',
      ],
      ['warning', 'web', 'tag depends-on names paymnts'],
    ]);
  });

  it('stays quiet when every reference resolves', () => {
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
    b.service('web', {
      containers: [{ environment: { ORDERS_URL: 'http://orders:8080' } }],
    });
    expect(findingsOf(referenceUnresolved.id, [b.build()])).toEqual([]);
  });
});
