import {
  DescribeServicesCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  DiscoverInstancesRevisionCommand,
  ListInstancesCommand,
  ListNamespacesCommand,
  ListServicesCommand,
} from '@aws-sdk/client-servicediscovery';
import { LocalAws, startLocalAws } from '../startLocalAws';
import { cloudMapClient, DEMO_KEY, ecsClient } from '../__testUtils__/clients';

const SHOP = '111111111111';
const PARTNER = '222222222222';
const PARTNER_KEY = {
  accessKeyId: 'AKIADEMO222222222222',
  secretAccessKey: 'demo',
};

/** The demo's sc.local, shared by the shop's account with the partner's through RAM. */
describe('a namespace shared through AWS RAM, in the demo estate', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAws({ port: 0 });
  });
  afterAll(() => local.close());

  const namespaces = async (credentials: typeof DEMO_KEY, owner?: string) => {
    const out = await cloudMapClient(local, { credentials }).send(
      new ListNamespacesCommand({
        Filters: owner
          ? [{ Name: 'RESOURCE_OWNER', Values: [owner], Condition: 'EQ' }]
          : undefined,
      }),
    );
    return out.Namespaces!;
  };

  it('is listed by the account it is shared with, with its owner', async () => {
    const shared = (await namespaces(PARTNER_KEY)).filter(
      ns => ns.Name === 'sc.local',
    );
    expect(shared).toEqual([
      expect.objectContaining({
        Arn: expect.stringContaining(`:${SHOP}:namespace/`),
        ResourceOwner: SHOP,
      }),
    ]);
    expect(
      (await namespaces(PARTNER_KEY, 'OTHER_ACCOUNTS')).map(ns => ns.Name),
    ).toEqual(['sc.local']);
    expect(
      (await namespaces(PARTNER_KEY, 'SELF')).map(ns => ns.Name),
    ).not.toContain('sc.local');
    // The owner sees it as its own.
    expect(
      (await namespaces(DEMO_KEY, 'SELF')).find(ns => ns.Name === 'sc.local'),
    ).toMatchObject({ ResourceOwner: SHOP });
  });

  it('holds the partner service that joined it by ARN, registered in the owner Cloud Map', async () => {
    const [namespace] = await namespaces(PARTNER_KEY, 'OTHER_ACCOUNTS');
    const { services } = await ecsClient(local, {
      credentials: PARTNER_KEY,
    }).send(
      new DescribeServicesCommand({
        cluster: 'data',
        services: ['loyalty-service'],
      }),
    );
    const deployment = services![0].deployments![0];
    expect(deployment.serviceConnectConfiguration?.namespace).toBe(
      namespace.Arn,
    );
    const [resource] = deployment.serviceConnectResources!;
    expect(resource.discoveryArn).toMatch(
      new RegExp(`^arn:aws:servicediscovery:eu-west-1:${SHOP}:service/`),
    );

    // Both accounts list the service in the namespace; it was created by the partner.
    for (const credentials of [DEMO_KEY, PARTNER_KEY]) {
      const { Services } = await cloudMapClient(local, { credentials }).send(
        new ListServicesCommand({
          Filters: [{ Name: 'NAMESPACE_ID', Values: [namespace.Id!] }],
        }),
      );
      expect(Services!.find(s => s.Name === 'loyalty')).toMatchObject({
        Arn: resource.discoveryArn,
        ResourceOwner: SHOP,
        CreatedByAccount: PARTNER,
        InstanceCount: 2,
      });
    }
    const { Instances } = await cloudMapClient(local, {
      credentials: DEMO_KEY,
    }).send(
      new ListInstancesCommand({
        ServiceId: resource.discoveryArn!.split('/').pop(),
      }),
    );
    expect(Instances!.map(i => i.Attributes?.ECS_SERVICE_NAME)).toEqual([
      'loyalty-service',
      'loyalty-service',
    ]);
  });

  it('answers DiscoverInstancesRevision across accounts with OwnerAccount, and moves it when instances change', async () => {
    const partnerCloudMap = cloudMapClient(local, {
      credentials: PARTNER_KEY,
      disableHostPrefix: true,
    });
    const revision = async () =>
      (
        await partnerCloudMap.send(
          new DiscoverInstancesRevisionCommand({
            NamespaceName: 'sc.local',
            ServiceName: 'loyalty',
            OwnerAccount: SHOP,
          }),
        )
      ).InstancesRevision!;
    // Without the owner, the data plane looks among the caller's own namespaces.
    await expect(
      partnerCloudMap.send(
        new DiscoverInstancesRevisionCommand({
          NamespaceName: 'sc.local',
          ServiceName: 'loyalty',
        }),
      ),
    ).rejects.toMatchObject({ name: 'NamespaceNotFound' });
    const before = await revision();
    expect(await revision()).toBe(before);
    await ecsClient(local, { credentials: PARTNER_KEY }).send(
      new UpdateServiceCommand({
        cluster: 'data',
        service: 'loyalty-service',
        desiredCount: 3,
      }),
    );
    expect(await revision()).toBeGreaterThan(before);
  });
});
