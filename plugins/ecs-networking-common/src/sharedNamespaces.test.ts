import { analyzeNetwork } from './analyze';
import { createLookupIndex } from './lookup';
import { scope } from './testing';

const SHOP = '111111111111';
const PARTNER = '222222222222';

/**
 * The shop's namespace, owned by SHOP and shared with PARTNER through RAM;
 * both accounts also hold a namespace of the same name of their own, so a
 * join on the name instead of the ARN would attribute calls to the wrong
 * account.
 */
function estate() {
  const shop = scope(SHOP)
    .namespace('sc.local', 'HTTP')
    .shares('sc.local', [
      {
        arn: `arn:aws:ram:eu-west-1:${SHOP}:resource-share/shop`,
        name: 'shop',
        status: 'ACTIVE',
        principals: [PARTNER],
        permissions: ['AWSRAMPermissionCloudMapECSFullPermission'],
      },
    ]);
  const shared = shop.namespaceArn('sc.local');
  const partner = scope(PARTNER)
    .sharedNamespace(shop, 'sc.local')
    .namespace('own.local', 'HTTP');
  shop.service('user-service', {
    serviceConnect: {
      namespace: 'sc.local',
      services: [
        {
          portName: 'http',
          clientAliases: [{ dnsName: 'user-service', port: 8080 }],
        },
      ],
    },
    containers: [
      { environment: { LOYALTY_URL: 'http://loyalty:8080/points' } },
    ],
  });
  partner.service('loyalty', {
    serviceConnect: {
      namespace: shared,
      services: [
        {
          portName: 'http',
          clientAliases: [{ dnsName: 'loyalty', port: 8080 }],
        },
      ],
    },
    containers: [
      { environment: { USERS_URL: 'http://user-service:8080/users' } },
    ],
  });
  // Same alias in the partner's own namespace: not what the callers mean.
  partner.service('decoy', {
    serviceConnect: {
      namespace: 'own.local',
      services: [
        {
          portName: 'http',
          clientAliases: [{ dnsName: 'user-service', port: 8080 }],
        },
      ],
    },
  });
  return { shop, partner, snapshots: [shop.build(), partner.build()] };
}

describe('namespaces shared across accounts', () => {
  it('joins callers in either account to aliases in the shared namespace', () => {
    const { shop, partner, snapshots } = estate();
    const model = analyzeNetwork(snapshots);
    const edges = model.edges.map(e => [e.from, e.to, e.endpointId]);
    expect(edges).toEqual(
      expect.arrayContaining([
        [
          partner.serviceArn('loyalty'),
          shop.serviceArn('user-service'),
          `connect:${SHOP}:eu-west-1:sc.local:user-service:8080`,
        ],
        [
          shop.serviceArn('user-service'),
          partner.serviceArn('loyalty'),
          `connect:${PARTNER}:eu-west-1:sc.local:loyalty:8080`,
        ],
      ]),
    );
    expect(model.edges.some(e => e.to === partner.serviceArn('decoy'))).toBe(
      false,
    );
    // Neither caller is told its name does not resolve.
    expect(
      model.findings.filter(f => f.ruleId === 'service-connect-unreachable-caller'),
    ).toEqual([]);
  });

  it('holds the namespace once, owned by its account, with whom it is shared', () => {
    const { shop, snapshots } = estate();
    const model = analyzeNetwork(snapshots);
    const shared = model.namespaces.filter(
      ns => ns.arn === shop.namespaceArn('sc.local'),
    );
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({
      accountId: SHOP,
      sharedWith: [PARTNER],
      shares: [expect.objectContaining({ principals: [PARTNER] })],
    });
    expect(
      model.namespaces.find(ns => ns.name === 'own.local')?.sharedWith,
    ).toBeUndefined();
    // The partner's service is in the shared namespace, not its own.
    const loyalty = model.services.find(s => s.name === 'loyalty')!;
    expect(loyalty).toMatchObject({
      accountId: PARTNER,
      serviceConnectNamespace: shop.namespaceArn('sc.local'),
      serviceConnectNamespaceName: 'sc.local',
    });
  });

  it('holds it once when only the account it is shared with is read', () => {
    const { shop, snapshots } = estate();
    const model = analyzeNetwork([snapshots[1]]);
    const shared = model.namespaces.filter(
      ns => ns.arn === shop.namespaceArn('sc.local'),
    );
    expect(shared).toEqual([
      expect.objectContaining({ accountId: SHOP, sharedWith: [PARTNER] }),
    ]);
  });

  it('answers a lookup of an alias with the service of the account that owns it', () => {
    const { snapshots } = estate();
    const model = analyzeNetwork(snapshots);
    const index = createLookupIndex(model, snapshots);
    const loyalty = index.lookup('loyalty:8080');
    expect(loyalty.map(m => [m.service.name, m.service.accountId])).toEqual([
      ['loyalty', PARTNER],
    ]);
    expect(loyalty[0].endpoint?.namespace?.name).toBe('sc.local');
  });
});
