import {
  GetResourceShareAssociationsCommand,
  GetResourceSharesCommand,
  ListResourceSharePermissionsCommand,
  ListResourcesCommand,
  RAMClient,
  ResourceShare,
} from '@aws-sdk/client-ram';
import type {
  NamespaceInfo,
  NamespaceShareInfo,
} from '@ecs-net/plugin-ecs-networking-common';
import { collectPages, mapLimited } from './paging';
import type { ReadNotes } from './ReadNotes';

/** RAM's largest page. */
const PAGE = 500;
/** RAM's resource type for Cloud Map namespaces. */
const NAMESPACE_TYPE = 'servicediscovery:namespace';
/** Principal associations that no longer (or never will) grant anything. */
const ENDED = new Set(['DISASSOCIATED', 'FAILED']);

type Side = 'SELF' | 'OTHER-ACCOUNTS';

/**
 * Gives each namespace its AWS RAM shares: who it is shared with and under
 * which permissions, which decides whether Service Connect in those accounts
 * can use it. The owner reads its shares whole; an account a namespace is
 * shared with sees only the shares it accepted, with itself as principal
 * (RAM shows principals to the owner only). Namespaces in no share are
 * left as they are, at one call per side when nothing is shared.
 */
export async function readNamespaceShares(
  ram: RAMClient,
  accountId: string,
  namespaces: NamespaceInfo[],
  concurrency: number,
  notes: ReadNotes,
): Promise<void> {
  const owned = namespaces.filter(ns => !ns.ownerAccountId);
  const shared = namespaces.filter(ns => ns.ownerAccountId);
  const found = await Promise.all([
    owned.length
      ? readSide(ram, 'SELF', accountId, owned, concurrency, notes)
      : [],
    shared.length
      ? readSide(ram, 'OTHER-ACCOUNTS', accountId, shared, concurrency, notes)
      : [],
  ]);
  // Only once both sides are read: a failed read leaves every namespace as it was.
  for (const [namespace, share] of found.flat()) {
    namespace.shares = [...(namespace.shares ?? []), share];
  }
}

async function readSide(
  ram: RAMClient,
  side: Side,
  accountId: string,
  namespaces: NamespaceInfo[],
  concurrency: number,
  notes: ReadNotes,
): Promise<Array<[NamespaceInfo, NamespaceShareInfo]>> {
  const byArn = new Map(namespaces.map(ns => [ns.arn, ns]));
  const resources = (
    await collectPages(
      async token => {
        const page = await ram.send(
          new ListResourcesCommand({
            resourceOwner: side,
            resourceType: NAMESPACE_TYPE,
            maxResults: PAGE,
            nextToken: token,
          }),
        );
        return { items: page.resources, next: page.nextToken };
      },
      {
        what: 'ram:ListResources',
        key: r => `${r.resourceShareArn} ${r.arn}`,
        pageSize: PAGE,
        notes,
      },
    )
  ).filter(r => r.arn && r.resourceShareArn && byArn.has(r.arn));
  const shareArns = [...new Set(resources.map(r => r.resourceShareArn!))];
  if (!shareArns.length) return [];

  const [shares, principals, permissions] = await Promise.all([
    collectPages<ResourceShare>(
      async token => {
        const page = await ram.send(
          new GetResourceSharesCommand({
            resourceOwner: side,
            resourceShareArns: shareArns,
            maxResults: PAGE,
            nextToken: token,
          }),
        );
        return { items: page.resourceShares, next: page.nextToken };
      },
      {
        what: 'ram:GetResourceShares',
        key: s => s.resourceShareArn!,
        pageSize: PAGE,
        notes,
      },
    ),
    side === 'SELF' ? readPrincipals(ram, shareArns, notes) : undefined,
    mapLimited(shareArns, concurrency, async shareArn => {
      const listed = await collectPages(
        async token => {
          const page = await ram.send(
            new ListResourceSharePermissionsCommand({
              resourceShareArn: shareArn,
              maxResults: PAGE,
              nextToken: token,
            }),
          );
          return { items: page.permissions, next: page.nextToken };
        },
        {
          what: 'ram:ListResourceSharePermissions',
          key: p => p.arn!,
          pageSize: PAGE,
          notes,
        },
      );
      // Permissions of other resource types in the same share do not apply.
      const names = listed
        .filter(
          p =>
            !p.resourceType || p.resourceType.toLowerCase() === NAMESPACE_TYPE,
        )
        .map(p => p.name!);
      return [shareArn, names] as const;
    }),
  ]);
  const permissionsOf = new Map(permissions);
  const shareByArn = new Map(shares.map(s => [s.resourceShareArn!, s]));
  return resources.flatMap(resource => {
    const share = shareByArn.get(resource.resourceShareArn!);
    if (!share) return [];
    const info: NamespaceShareInfo = {
      arn: share.resourceShareArn!,
      name: share.name ?? share.resourceShareArn!,
      principals: principals?.get(share.resourceShareArn!) ?? [accountId],
      permissions: permissionsOf.get(share.resourceShareArn!) ?? [],
    };
    if (share.status) info.status = share.status;
    return [
      [byArn.get(resource.arn!)!, info] as [NamespaceInfo, NamespaceShareInfo],
    ];
  });
}

/** The principals of the owner's shares, by share ARN. */
async function readPrincipals(
  ram: RAMClient,
  shareArns: string[],
  notes: ReadNotes,
): Promise<Map<string, string[]>> {
  const associations = await collectPages(
    async token => {
      const page = await ram.send(
        new GetResourceShareAssociationsCommand({
          associationType: 'PRINCIPAL',
          resourceShareArns: shareArns,
          maxResults: PAGE,
          nextToken: token,
        }),
      );
      return { items: page.resourceShareAssociations, next: page.nextToken };
    },
    {
      what: 'ram:GetResourceShareAssociations',
      key: a => `${a.resourceShareArn} ${a.associatedEntity}`,
      pageSize: PAGE,
      notes,
    },
  );
  const byShare = new Map<string, string[]>();
  for (const association of associations) {
    if (!association.associatedEntity || ENDED.has(association.status ?? ''))
      continue;
    const arn = association.resourceShareArn!;
    byShare.set(arn, [
      ...(byShare.get(arn) ?? []),
      association.associatedEntity,
    ]);
  }
  return byShare;
}
