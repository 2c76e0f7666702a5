import { analyzeNetwork } from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';
import { createEstateIndex } from './estateIndex';

/**
 * Findings raised on the Cloud Map services a service registers into count
 * for the service, as they do on its entity card.
 */
describe('createEstateIndex and Cloud Map findings', () => {
  const b = scope('111111111111', 'eu-west-1')
    .namespace('app', 'DNS_PRIVATE')
    .cloudMapService('mysql', 'app', { records: [{ type: 'A', ttl: 300 }] })
    .service('mysql', {
      registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
      tags: { owner: 'team-data' },
    })
    .service('web', { tags: { owner: 'team-web' } });
  const model = analyzeNetwork([b.build()]);
  const index = createEstateIndex(model);
  const mysql = b.serviceArn('mysql');
  const ttl = model.findings.find(f => f.ruleId === 'dns-ttl-too-high')!;

  it('raises the TTL finding on the Cloud Map service, not the ECS service', () => {
    expect(ttl.subject).toMatchObject({ kind: 'cloud-map-service' });
    expect(ttl.subject.arn).not.toBe(mysql);
  });

  it("puts the finding on the registering service's row and badge", () => {
    expect(index.rows.get(mysql)!.findings).toContain(ttl);
    expect(index.rows.get(mysql)!.worst).toBe(ttl.severity);
    expect(index.rows.get(b.serviceArn('web'))!.findings).toEqual([]);
  });

  it('finds the service by the severity of that finding', () => {
    expect([...index.matching({ severity: ttl.severity })]).toEqual([mysql]);
    expect(
      index.options.severity.find(o => o.value === ttl.severity)?.count,
    ).toBe(1);
  });

  it('lists the finding for a service-level filter that keeps the service', () => {
    const filter = { severity: ttl.severity, owner: 'team-data' };
    expect(index.findingsFor(filter, index.matching(filter))).toEqual([ttl]);
    const other = { severity: ttl.severity, owner: 'team-web' };
    expect(index.findingsFor(other, index.matching(other))).toEqual([]);
  });
});
