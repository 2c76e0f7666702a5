import { demoLikeSnapshots } from '../testing/demoLike';
import { findNamespace } from './findNamespace';

const eu = demoLikeSnapshots()[0];
const at = { accountId: eu.accountId, region: eu.region };
const app = eu.namespaces.find(ns => ns.name === 'app')!;

describe('findNamespace', () => {
  it('finds a namespace by ARN, id or name (case and root dot ignored)', () => {
    for (const ref of [app.arn, app.id, 'app', 'APP.']) {
      expect(findNamespace(at, eu, ref, 'Service Discovery')).toEqual({
        namespace: app,
      });
    }
  });

  it('refuses a namespace of another account or region', () => {
    const lookup = findNamespace(
      { ...at, region: 'us-east-1' },
      eu,
      app.arn,
      'Service Connect',
    );
    expect(lookup).toMatchObject({
      problem: { ruleId: 'namespace-other-scope' },
    });
  });

  it("finds a namespace another account shares with the plan's, by its owner's ARN", () => {
    const shared = {
      ...app,
      id: 'ns-partner',
      arn: 'arn:aws:servicediscovery:eu-west-1:222222222222:namespace/ns-partner',
      name: 'partner.local',
      ownerAccountId: '222222222222',
    };
    const withShared = { ...eu, namespaces: [...eu.namespaces, shared] };
    expect(
      findNamespace(at, withShared, shared.arn, 'Service Connect'),
    ).toEqual({ namespace: shared });
    expect(findNamespace(at, eu, shared.arn, 'Service Connect')).toMatchObject({
      problem: { ruleId: 'namespace-other-scope' },
    });
  });

  it('asks for the ARN when a name is ambiguous', () => {
    const twice = {
      ...eu,
      namespaces: [
        ...eu.namespaces,
        { ...app, id: 'ns-app-2', arn: `${app.arn}-2`, type: 'HTTP' as const },
      ],
    };
    expect(findNamespace(at, twice, 'app', 'Service Connect')).toMatchObject({
      problem: { ruleId: 'namespace-ambiguous' },
    });
  });

  it('lists the namespaces there when the name is unknown', () => {
    const lookup = findNamespace(at, eu, 'nowhere', 'Service Connect');
    expect(lookup).toMatchObject({
      problem: { ruleId: 'namespace-not-found' },
    });
    expect('problem' in lookup && lookup.problem.fix).toContain(
      'app (DNS_PRIVATE), public.example.com (DNS_PUBLIC), sc.local (HTTP)',
    );
  });
});
