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
