import type { NamespaceInfo } from '../snapshot';
import { demoLikeNetwork } from '../testing/demoLike';
import { planInput } from '../testing/planInput';
import { checkPlanInput } from './checkPlanInput';
import type { PlanInput } from './planInput';
import { problemInput } from './problemInput';

const PARTNER = '222222222222';

/** partner.local, which account 222222222222 shares with the shop's account. */
const SHARED: NamespaceInfo = {
  id: 'ns-partner',
  arn: `arn:aws:servicediscovery:eu-west-1:${PARTNER}:namespace/ns-partner`,
  name: 'partner.local',
  type: 'HTTP',
  tags: {},
  ownerAccountId: PARTNER,
};

function networkWithSharedNamespace() {
  const network = demoLikeNetwork();
  network.snapshots
    .find(s => s.region === 'eu-west-1')!
    .namespaces.push(SHARED);
  return network;
}

/** checkout's Service Connect settings with some changed. */
function connect(
  changes: Partial<NonNullable<PlanInput['serviceConnect']>>,
  container: Partial<PlanInput['container']> = {},
): PlanInput {
  return planInput({
    container: {
      name: 'checkout',
      port: 8080,
      portName: 'http',
      appProtocol: 'http',
      ...container,
    },
    serviceConnect: {
      discoveryName: 'checkout',
      clientAlias: { dnsName: 'checkout', port: 8080 },
      ...changes,
    },
  });
}

const check = (input: PlanInput) =>
  checkPlanInput(input, networkWithSharedNamespace());
const byRule = (input: PlanInput, ruleId: string) =>
  check(input).problems.filter(p => p.ruleId === ruleId);

describe('Service Connect options of a plan', () => {
  describe('a namespace shared from another account', () => {
    it('joins it by its ARN, and says who owns it', () => {
      const { problems, resolved } = check(connect({ namespace: SHARED.arn }));
      expect(problems).toEqual([]);
      expect(resolved?.serviceConnect).toMatchObject({
        namespaceArn: SHARED.arn,
        namespaceName: 'partner.local',
        namespaceOwnerAccountId: PARTNER,
        namespaceFromCluster: false,
      });
      expect(resolved?.endpoints).toEqual(['checkout:8080']);
    });

    it('refuses it by name, at the namespace field, with its ARN in the fix', () => {
      const problems = byRule(
        connect({ namespace: 'partner.local' }),
        'service-connect-shared-namespace-reference',
      );
      expect(problems).toHaveLength(1);
      expect(problems[0].severity).toBe('error');
      expect(problemInput(problems[0])).toBe('serviceConnect.namespace');
      expect(problems[0].fix).toContain(SHARED.arn);
    });

    it('has no owner account for a namespace of its own account', () => {
      const { resolved } = check(connect({ namespace: 'sc.local' }));
      expect(resolved?.serviceConnect?.namespaceOwnerAccountId).toBeUndefined();
    });
  });

  describe('timeouts', () => {
    it('warns about a per-request timeout on a TCP port, at its field', () => {
      const problems = byRule(
        connect(
          { timeout: { perRequestTimeoutSeconds: 15 } },
          { appProtocol: '' },
        ),
        'service-connect-timeout-protocol',
      );
      expect(problems).toHaveLength(1);
      expect(problems[0].severity).toBe('warning');
      expect(problemInput(problems[0])).toBe(
        'serviceConnect.timeout.perRequestTimeoutSeconds',
      );
      expect(problems[0].fix).toContain('appProtocol');
    });

    it('takes a per-request timeout on an http port', () => {
      const { problems } = check(
        connect({ timeout: { perRequestTimeoutSeconds: 15 } }),
      );
      expect(problems).toEqual([]);
    });

    it('warns about a short idle timeout for grpc, at its field', () => {
      const problems = byRule(
        connect(
          { timeout: { idleTimeoutSeconds: 10 } },
          { appProtocol: 'grpc' },
        ),
        'service-connect-idle-timeout-short',
      );
      expect(problems).toHaveLength(1);
      expect(problemInput(problems[0])).toBe(
        'serviceConnect.timeout.idleTimeoutSeconds',
      );
      expect(problems[0].fix).toContain('at least 60');
    });

    it('takes a long idle timeout for grpc', () => {
      const { problems } = check(
        connect(
          { timeout: { idleTimeoutSeconds: 300, perRequestTimeoutSeconds: 0 } },
          { appProtocol: 'grpc' },
        ),
      );
      expect(problems).toEqual([]);
    });

    it('refuses a timeout that is no whole number of seconds', () => {
      const { problems, resolved } = check(
        connect({ timeout: { idleTimeoutSeconds: -1 } }),
      );
      expect(resolved).toBeUndefined();
      expect(problems.map(p => [p.ruleId, p.field])).toEqual([
        ['input-syntax', 'serviceConnect.timeout.idleTimeoutSeconds'],
      ]);
    });
  });

  describe('TLS', () => {
    const tls = {
      certificateAuthorityArn:
        'arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/0a1b2c3d-1111-2222-3333-444455556666',
      kmsKey:
        'arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-1111-2222-3333-444455556666',
      roleArn: 'arn:aws:iam::111111111111:role/ecs-service-connect-tls',
    };

    it('plans the entry with its Private CA, key and role', () => {
      const { plan, problems } = check(connect({ tls }));
      expect(problems).toEqual([]);
      expect(plan?.serviceConnect?.services[0].tls).toEqual(tls);
    });

    it('refuses an ARN of the wrong kind', () => {
      const { problems, resolved } = check(
        connect({ tls: { ...tls, kmsKey: tls.roleArn } }),
      );
      expect(resolved).toBeUndefined();
      expect(problems.map(p => [p.ruleId, p.field])).toEqual([
        ['input-syntax', 'serviceConnect.tls.kmsKey'],
      ]);
    });

    it('refuses a key or role without a Private CA', () => {
      const { problems, plan } = check(
        connect({ tls: { certificateAuthorityArn: '', roleArn: tls.roleArn } }),
      );
      expect(plan?.serviceConnect?.services[0].tls).toBeUndefined();
      expect(
        problems
          .filter(p => p.severity === 'error')
          .map(p => [p.ruleId, problemInput(p)]),
      ).toEqual([
        ['input-incomplete', 'serviceConnect.tls.certificateAuthorityArn'],
      ]);
    });
  });
});
