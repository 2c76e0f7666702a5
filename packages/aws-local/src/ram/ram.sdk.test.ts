import {
  AcceptResourceShareInvitationCommand,
  AssociateResourceSharePermissionCommand,
  CreateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListPermissionsCommand,
  ListResourceSharePermissionsCommand,
  ListResourcesCommand,
  paginateGetResourceShares,
} from '@aws-sdk/client-ram';
import { ListNamespacesCommand } from '@aws-sdk/client-servicediscovery';
import { Estate } from '../estate/types';
import { LocalAws, startLocalAws } from '../startLocalAws';
import {
  cloudMapClient,
  Credentials,
  DEMO_KEY,
  ramClient,
  SANDBOX_ACCOUNT,
  SANDBOX_KEY,
  sandboxEstate,
} from '../__testUtils__/clients';

const SHOP = '111111111111';
const PARTNER = '222222222222';
const PARTNER_KEY: Credentials = {
  accessKeyId: 'AKIADEMO222222222222',
  secretAccessKey: 'demo',
};
const ECS_PERMISSION = 'AWSRAMPermissionCloudMapECSFullPermission';
const ecsPermissionArn = `arn:aws:ram::aws:permission/${ECS_PERMISSION}`;

describe('AWS RAM on the wire, in the demo estate', () => {
  let local: LocalAws;
  beforeAll(async () => {
    local = await startLocalAws({ port: 0 });
  });
  afterAll(() => local.close());

  const shop = () => ramClient(local, { credentials: DEMO_KEY });
  const partner = () => ramClient(local, { credentials: PARTNER_KEY });

  it('shows the owner its share of sc.local: resource, principal and the ECS permission', async () => {
    const { resourceShares } = await shop().send(
      new GetResourceSharesCommand({ resourceOwner: 'SELF' }),
    );
    expect(resourceShares).toEqual([
      expect.objectContaining({
        name: 'shop-service-connect',
        owningAccountId: SHOP,
        status: 'ACTIVE',
        creationTime: expect.any(Date),
      }),
    ]);
    const shareArn = resourceShares![0].resourceShareArn!;
    expect(shareArn).toMatch(
      /^arn:aws:ram:eu-west-1:111111111111:resource-share\//,
    );

    const { resources } = await shop().send(
      new ListResourcesCommand({
        resourceOwner: 'SELF',
        resourceType: 'servicediscovery:Namespace',
      }),
    );
    expect(resources).toEqual([
      expect.objectContaining({
        arn: expect.stringMatching(
          /^arn:aws:servicediscovery:eu-west-1:111111111111:namespace\/ns-/,
        ),
        type: 'servicediscovery:namespace',
        resourceShareArn: shareArn,
        status: 'AVAILABLE',
      }),
    ]);
    const { resourceShareAssociations } = await shop().send(
      new GetResourceShareAssociationsCommand({
        associationType: 'PRINCIPAL',
        resourceShareArns: [shareArn],
      }),
    );
    expect(resourceShareAssociations).toEqual([
      expect.objectContaining({
        associatedEntity: PARTNER,
        status: 'ASSOCIATED',
      }),
    ]);
    const { permissions } = await shop().send(
      new ListResourceSharePermissionsCommand({ resourceShareArn: shareArn }),
    );
    expect(permissions).toEqual([
      expect.objectContaining({
        arn: ecsPermissionArn,
        name: ECS_PERMISSION,
        permissionType: 'AWS_MANAGED',
        defaultVersion: true,
      }),
    ]);
  });

  it('shows the partner the share it accepted, owned by the shop, and nothing it owns', async () => {
    const { resourceShares } = await partner().send(
      new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }),
    );
    expect(resourceShares?.map(s => [s.name, s.owningAccountId])).toEqual([
      ['shop-service-connect', SHOP],
    ]);
    const { resources } = await partner().send(
      new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }),
    );
    expect(resources?.map(r => r.arn)).toEqual([
      expect.stringContaining(`:${SHOP}:namespace/`),
    ]);
    expect(
      (
        await partner().send(
          new GetResourceSharesCommand({ resourceOwner: 'SELF' }),
        )
      ).resourceShares,
    ).toEqual([]);
  });

  it('answers errors as RAM does', async () => {
    await expect(
      partner().send(
        new GetResourceSharesCommand({ resourceOwner: 'EVERYONE' as never }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      partner().send(
        new ListResourceSharePermissionsCommand({
          resourceShareArn: `arn:aws:ram:eu-west-1:${SHOP}:resource-share/00000000-0000-4000-8000-000000000000`,
        }),
      ),
    ).rejects.toMatchObject({ name: 'UnknownResourceException' });
    await expect(
      partner().send(
        new ListResourceSharePermissionsCommand({
          resourceShareArn: 'not-an-arn',
        }),
      ),
    ).rejects.toMatchObject({ name: 'MalformedArnException' });
  });

  it('lists the managed permissions for Cloud Map namespaces', async () => {
    const { permissions } = await shop().send(
      new ListPermissionsCommand({
        resourceType: 'servicediscovery:Namespace',
      }),
    );
    expect(permissions?.map(p => [p.name, p.isResourceTypeDefault])).toEqual([
      ['AWSRAMDefaultPermissionCloudMapNamespace', true],
      [ECS_PERMISSION, false],
    ]);
  });
});

/** The sandbox account, and a second one to share its namespace with. */
function twoAccounts(): Estate {
  const estate = sandboxEstate();
  estate.accounts.push({
    id: PARTNER,
    accessKeys: [{ id: PARTNER_KEY.accessKeyId }],
    regions: { 'eu-west-1': {} },
  });
  return estate;
}

describe('AWS RAM: creating, accepting and fixing a share', () => {
  let local: LocalAws;
  beforeAll(async () => {
    local = await startLocalAws({ port: 0, estate: twoAccounts() });
  });
  afterAll(() => local.close());

  const owner = () => ramClient(local, { credentials: SANDBOX_KEY });
  const partner = () => ramClient(local, { credentials: PARTNER_KEY });
  const partnerNamespaces = async () =>
    (
      await cloudMapClient(local, { credentials: PARTNER_KEY }).send(
        new ListNamespacesCommand({}),
      )
    ).Namespaces!.map(ns => ns.Name);

  it('shares a namespace once the invitation is accepted, under the default permission until told otherwise', async () => {
    const { Namespaces } = await cloudMapClient(local, {
      credentials: SANDBOX_KEY,
    }).send(new ListNamespacesCommand({}));
    const namespace = Namespaces!.find(ns => ns.Name === 'sc.test')!;
    const { resourceShare } = await owner().send(
      new CreateResourceShareCommand({
        name: 'sandbox-sc',
        resourceArns: [namespace.Arn!],
        principals: [PARTNER],
        tags: [{ key: 'team', value: 'platform' }],
      }),
    );
    const shareArn = resourceShare!.resourceShareArn!;
    expect(resourceShare).toMatchObject({
      owningAccountId: SANDBOX_ACCOUNT,
      status: 'ACTIVE',
    });

    // Pending: the partner sees an invitation, not the namespace.
    expect(await partnerNamespaces()).toEqual([]);
    const principal = await owner().send(
      new GetResourceShareAssociationsCommand({
        associationType: 'PRINCIPAL',
        principal: PARTNER,
      }),
    );
    expect(principal.resourceShareAssociations?.[0]).toMatchObject({
      status: 'ASSOCIATING',
      external: true,
    });
    const { resourceShareInvitations } = await partner().send(
      new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn] }),
    );
    expect(resourceShareInvitations).toEqual([
      expect.objectContaining({
        senderAccountId: SANDBOX_ACCOUNT,
        receiverAccountId: PARTNER,
        status: 'PENDING',
      }),
    ]);
    const accepted = await partner().send(
      new AcceptResourceShareInvitationCommand({
        resourceShareInvitationArn:
          resourceShareInvitations![0].resourceShareInvitationArn,
      }),
    );
    expect(accepted.resourceShareInvitation?.status).toBe('ACCEPTED');
    await expect(
      partner().send(
        new AcceptResourceShareInvitationCommand({
          resourceShareInvitationArn:
            resourceShareInvitations![0].resourceShareInvitationArn,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceShareInvitationAlreadyAcceptedException',
    });
    expect(await partnerNamespaces()).toEqual(['sc.test']);

    const permissionNames = async () =>
      (
        await partner().send(
          new ListResourceSharePermissionsCommand({
            resourceShareArn: shareArn,
          }),
        )
      ).permissions!.map(p => p.name);
    expect(await permissionNames()).toEqual([
      'AWSRAMDefaultPermissionCloudMapNamespace',
    ]);
    await expect(
      owner().send(
        new AssociateResourceSharePermissionCommand({
          resourceShareArn: shareArn,
          permissionArn: ecsPermissionArn,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await owner().send(
      new AssociateResourceSharePermissionCommand({
        resourceShareArn: shareArn,
        permissionArn: ecsPermissionArn,
        replace: true,
      }),
    );
    expect(await permissionNames()).toEqual([ECS_PERMISSION]);
  });

  it('refuses what the owner cannot share', async () => {
    await expect(
      owner().send(
        new CreateResourceShareCommand({
          name: 'not-mine',
          resourceArns: [
            `arn:aws:servicediscovery:eu-west-1:${PARTNER}:namespace/ns-aaaaaaaaaaaaaaaa`,
          ],
          principals: [PARTNER],
        }),
      ),
    ).rejects.toMatchObject({ name: 'UnknownResourceException' });
    await expect(
      owner().send(
        new CreateResourceShareCommand({
          name: 'to-myself',
          principals: [SANDBOX_ACCOUNT],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('pages with nextToken', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) {
      await owner().send(new CreateResourceShareCommand({ name }));
    }
    const names: string[] = [];
    for await (const p of paginateGetResourceShares(
      { client: owner(), pageSize: 1 },
      { resourceOwner: 'SELF' },
    )) {
      expect(p.resourceShares!.length).toBeLessThanOrEqual(1);
      names.push(...p.resourceShares!.map(s => s.name!));
    }
    expect(names).toEqual(
      expect.arrayContaining(['page-a', 'page-b', 'page-c']),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});
