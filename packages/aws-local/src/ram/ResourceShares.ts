import { now } from '../util/clock';
import { uuidId } from '../util/ids';

/** The ARN of an AWS RAM managed permission, by its name. */
export const ramPermissionArn = (name: string) =>
  `arn:aws:ram::aws:permission/${name}`;

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
  /** Principals that accepted the share's invitation (or were seeded so). */
  accepted: Set<string>;
}

export interface ShareInput {
  name: string;
  resourceArns: string[];
  principals: string[];
  permissionArns: string[];
  /** Seeded shares start accepted, as shares inside an organization are. */
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
    const arn = `arn:aws:ram:${region}:${owner}:resource-share/${uuidId(
      owner,
      region,
      'resource-share',
      input.name,
      this.shares.size,
    )}`;
    const at = now();
    const share: ResourceShare = {
      resourceShareArn: arn,
      name: input.name,
      owningAccountId: owner,
      region,
      status: 'ACTIVE',
      allowExternalPrincipals: true,
      creationTime: at,
      lastUpdatedTime: at,
      resourceArns: [...input.resourceArns],
      principals: [...input.principals],
      permissionArns: [...input.permissionArns],
      accepted: new Set(input.accepted ? input.principals : []),
    };
    this.shares.set(arn, share);
    return share;
  }

  list(): ResourceShare[] {
    return [...this.shares.values()];
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
