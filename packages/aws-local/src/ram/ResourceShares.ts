import { now } from '../util/clock';
import { uuidId } from '../util/ids';

/** An invitation to a principal outside the owner's organization, as RAM sends it. */
export interface ShareInvitation {
  resourceShareInvitationArn: string;
  receiverAccountId: string;
  invitationTimestamp: Date;
  status: 'PENDING' | 'ACCEPTED';
}

export interface ResourceShare {
  resourceShareArn: string;
  name: string;
  owningAccountId: string;
  region: string;
  status: 'ACTIVE' | 'DELETED';
  allowExternalPrincipals: boolean;
  creationTime: Date;
  lastUpdatedTime: Date;
  resourceArns: string[];
  /** Account IDs. */
  principals: string[];
  permissionArns: string[];
  tags: Array<{ key: string; value: string }>;
  /** Principals that accepted the share's invitation (or were seeded so). */
  accepted: Set<string>;
  /** By receiving account; none for principals seeded as accepted. */
  invitations: Map<string, ShareInvitation>;
}

export interface ShareInput {
  name: string;
  resourceArns: string[];
  principals: string[];
  permissionArns: string[];
  tags?: Array<{ key: string; value: string }>;
  allowExternalPrincipals?: boolean;
  /**
   * Seeded shares start accepted, as shares inside an organization with
   * RAM sharing turned on do; otherwise each principal gets an invitation.
   */
  accepted?: boolean;
}

/**
 * AWS RAM's resource shares, held by the world because a share joins two
 * accounts: the owner's namespace becomes visible to, and usable by, each
 * principal that accepted it, in the same region.
 */
export class ResourceShares {
  private readonly shares = new Map<string, ResourceShare>();

  create(owner: string, region: string, input: ShareInput): ResourceShare {
    const id = (kind: string, ...parts: string[]) =>
      uuidId(owner, region, kind, input.name, this.shares.size, ...parts);
    const arn = `arn:aws:ram:${region}:${owner}:resource-share/${id(
      'resource-share',
    )}`;
    const at = now();
    const share: ResourceShare = {
      resourceShareArn: arn,
      name: input.name,
      owningAccountId: owner,
      region,
      status: 'ACTIVE',
      allowExternalPrincipals: input.allowExternalPrincipals ?? true,
      creationTime: at,
      lastUpdatedTime: at,
      resourceArns: [...input.resourceArns],
      principals: [...input.principals],
      permissionArns: [...input.permissionArns],
      tags: [...(input.tags ?? [])],
      accepted: new Set(input.accepted ? input.principals : []),
      invitations: new Map(),
    };
    if (!input.accepted) {
      for (const principal of input.principals) {
        share.invitations.set(principal, {
          resourceShareInvitationArn: `arn:aws:ram:${region}:${owner}:resource-share-invitation/${id(
            'invitation',
            principal,
          )}`,
          receiverAccountId: principal,
          invitationTimestamp: at,
          status: 'PENDING',
        });
      }
    }
    this.shares.set(arn, share);
    return share;
  }

  list(): ResourceShare[] {
    return [...this.shares.values()];
  }

  get(arn: string): ResourceShare | undefined {
    return this.shares.get(arn);
  }

  /** Shares of `accountId` in `region`, or shares others made with it that it accepted. */
  visibleTo(
    accountId: string,
    region: string,
    owner: 'SELF' | 'OTHER-ACCOUNTS',
  ): ResourceShare[] {
    return this.list().filter(
      share =>
        share.region === region &&
        (owner === 'SELF'
          ? share.owningAccountId === accountId
          : share.owningAccountId !== accountId &&
            share.accepted.has(accountId)),
    );
  }

  /** Invitations `accountId` received in `region`, with their shares. */
  invitationsTo(
    accountId: string,
    region: string,
  ): Array<{ share: ResourceShare; invitation: ShareInvitation }> {
    return this.list().flatMap(share => {
      const invitation = share.invitations.get(accountId);
      return share.region === region && invitation
        ? [{ share, invitation }]
        : [];
    });
  }

  /** Accepts an invitation: the share's resources become the receiver's to see and use. */
  accept(share: ResourceShare, invitation: ShareInvitation): void {
    invitation.status = 'ACCEPTED';
    share.accepted.add(invitation.receiverAccountId);
    share.lastUpdatedTime = now();
  }

  /** Active shares of a resource that `accountId` has accepted. */
  grants(resourceArn: string, accountId: string): ResourceShare[] {
    return this.list().filter(
      share =>
        share.status === 'ACTIVE' &&
        share.accepted.has(accountId) &&
        share.resourceArns.includes(resourceArn),
    );
  }

  /** ARNs of the resources shared with `accountId` in `region`, accepted and active. */
  sharedWith(accountId: string, region: string): string[] {
    const arns = new Set<string>();
    for (const share of this.list()) {
      if (
        share.status !== 'ACTIVE' ||
        share.region !== region ||
        !share.accepted.has(accountId)
      ) {
        continue;
      }
      for (const arn of share.resourceArns) arns.add(arn);
    }
    return [...arns];
  }
}
