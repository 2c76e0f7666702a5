import { analyzeNetwork } from '../analyze';
import { scope } from '../testing';
import { lintRules } from '.';

describe('lintRules', () => {
  it('holds every rule once, each documented', () => {
    const ids = lintRules.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'service-connect-port-name',
        'service-connect-namespace-missing',
        'service-connect-unreachable-caller',
        'service-connect-client-redeploy',
        'service-connect-shared-namespace-reference',
        'service-connect-namespace-region',
        'shared-namespace-ecs-permission',
        'service-connect-timeout-protocol',
        'service-connect-idle-timeout-short',
        'service-connect-tls-bypassed',
        'service-connect-access-log-destination',
        'vpc-lattice-port-name',
        'dns-ttl-too-high',
        'dns-a-record-network-mode',
        'dns-srv-missing-port',
        'duplicate-client-alias',
        'duplicate-discovery-name',
        'discovery-name-conflict',
        'cloud-map-health-check-missing',
        'app-mesh-in-use',
        'owner-tag-missing',
        'tag-not-entity-ref',
        'component-tag-not-in-catalog',
        'dependency-undeclared',
        'dependency-not-observed',
        'namespace-unused',
        'reference-unresolved',
      ]),
    );
    expect(ids).toHaveLength(27);
    for (const rule of lintRules) {
      expect(rule.title).toBeTruthy();
      expect(rule.description).toBeTruthy();
    }
  });

  it('stamps each finding with its rule’s id and severity, worst first', () => {
    const b = scope().namespace('spare.local');
    b.service('orders', {
      tags: {},
      serviceConnect: { services: [{ portName: 'http' }] },
    });
    const findings = analyzeNetwork([b.build()]).findings;
    expect(findings.map(f => [f.severity, f.ruleId])).toEqual([
      ['error', 'service-connect-namespace-missing'],
      ['warning', 'owner-tag-missing'],
      ['info', 'namespace-unused'],
    ]);
    for (const f of findings) {
      expect(f.severity).toBe(lintRules.find(r => r.id === f.ruleId)!.severity);
    }
  });
});
