import {
  CallContext,
  JsonOperation,
  RestJsonService,
} from '../protocol/CallContext';
import {
  MANAGED_PERMISSION_TIME,
  managedPermission,
  ManagedPermission,
  MANAGED_PERMISSIONS,
  NAMESPACE_RESOURCE_TYPE,
  PERMISSION_VERSION,
} from '../ram/managedPermissions';
import { ramErrors } from '../ram/ramErrors';
import { ResourceShare, ShareInvitation } from '../ram/ResourceShares';
import { InputReader, JsonObject } from '../util/InputReader';
import { paginate, PageLimits } from '../util/paging';

const reader = (input: JsonObject) =>
  new InputReader(input, ramErrors.invalidParameter);

const LIMITS: PageLimits = {
  defaultSize: 500,
  maxSize: 500,
  memberName: 'maxResults',
  // The paging helper names the member in its message.
  invalid: message =>
    message.includes('nextToken')
      ? ramErrors.invalidNextToken(message)
      : ramErrors.invalidParameter(message),
};

const ARN = /^arn:aws[\w-]*:[\w-]+:[\w-]*:[\w-]*:.+/;
const ACCOUNT_ID = /^\d{12}$/;

/** One page of a listing; its token is good only for the same request. */
function page<T>(
  input: InputReader,
  items: T[],
  operation: string,
  member: string,
) {
  const request = Object.entries(input.raw).filter(
    ([key]) => key !== 'nextToken' && key !== 'maxResults',
  );
  const scope = `${operation}:${JSON.stringify(request)}`;
  const out = paginate(
    items,
    {
      maxResults: input.optNumber('maxResults'),
      nextToken: input.optString('nextToken'),
    },
    LIMITS,
    scope,
  );
  return {
    [member]: out.items,
    ...(out.nextToken ? { nextToken: out.nextToken } : {}),
  };
}

function required(input: InputReader, name: string): string {
  const value = input.optString(name);
  if (!value) throw ramErrors.missingParameter(name);
  return value;
}

function arns(input: InputReader, name: string): string[] | undefined {
  const list = input.optStrings(name);
  for (const arn of list ?? [])
    if (!ARN.test(arn)) throw ramErrors.malformedArn(arn);
  return list;
}

function resourceOwner(input: InputReader): 'SELF' | 'OTHER-ACCOUNTS' {
  const owner = required(input, 'resourceOwner');
  if (owner !== 'SELF' && owner !== 'OTHER-ACCOUNTS') {
    throw ramErrors.invalidParameter(
      `1 validation error detected: Value '${owner}' at 'resourceOwner' failed to satisfy constraint: Member must satisfy enum value set: [SELF, OTHER-ACCOUNTS]`,
    );
  }
  return owner;
}

/** A share the caller owns, or one it accepted; RAM does not reveal any other. */
function shareFor(
  ctx: CallContext,
  arn: string,
  ownerOnly = false,
): ResourceShare {
  if (!ARN.test(arn)) throw ramErrors.malformedArn(arn);
  const share = ctx.world.shares.get(arn);
  const account = ctx.principal.accountId;
  const visible =
    share &&
    share.region === ctx.region &&
    (share.owningAccountId === account ||
      (!ownerOnly && share.accepted.has(account)));
  if (!visible) {
    throw ramErrors.unknownResource(`ResourceShare ${arn} could not be found.`);
  }
  return share;
}

const shareOut = (share: ResourceShare) => ({
  resourceShareArn: share.resourceShareArn,
  name: share.name,
  owningAccountId: share.owningAccountId,
  allowExternalPrincipals: share.allowExternalPrincipals,
  status: share.status,
  tags: share.tags,
  creationTime: share.creationTime,
  lastUpdatedTime: share.lastUpdatedTime,
  featureSet: 'STANDARD',
});

const invitationOut = (share: ResourceShare, invitation: ShareInvitation) => ({
  resourceShareInvitationArn: invitation.resourceShareInvitationArn,
  resourceShareName: share.name,
  resourceShareArn: share.resourceShareArn,
  senderAccountId: share.owningAccountId,
  receiverAccountId: invitation.receiverAccountId,
  invitationTimestamp: invitation.invitationTimestamp,
  status: invitation.status,
});

const permissionOut = (permission: ManagedPermission) => ({
  arn: permission.arn,
  version: PERMISSION_VERSION,
  defaultVersion: true,
  name: permission.name,
  resourceType: permission.resourceType,
  status: 'ATTACHABLE',
  creationTime: MANAGED_PERMISSION_TIME,
  lastUpdatedTime: MANAGED_PERMISSION_TIME,
  isResourceTypeDefault: permission.isResourceTypeDefault,
  permissionType: 'AWS_MANAGED',
  featureSet: 'STANDARD',
});

function permissionsOf(share: ResourceShare): ManagedPermission[] {
  return share.permissionArns.flatMap(arn => managedPermission(arn) ?? []);
}

function knownPermission(arn: string): ManagedPermission {
  if (!ARN.test(arn)) throw ramErrors.malformedArn(arn);
  const permission = managedPermission(arn);
  if (!permission)
    throw ramErrors.unknownResource(`Permission ${arn} could not be found.`);
  return permission;
}

const createResourceShare: JsonOperation = (ctx, raw) => {
  const input = reader(raw);
  const name = required(input, 'name');
  const account = ctx.principal.accountId;
  const resourceArns = arns(input, 'resourceArns') ?? [];
  for (const arn of resourceArns) {
    // Only Cloud Map namespaces are shared here; the owner shares its own.
    const owned = new RegExp(
      `^arn:aws[\\w-]*:servicediscovery:${ctx.region}:${account}:namespace/`,
    );
    if (!owned.test(arn) || !ctx.partition.cloudMap.findNamespace(arn)) {
      throw ramErrors.unknownResource(`Resource ${arn} could not be found.`);
    }
  }
  const principals = input.optStrings('principals') ?? [];
  for (const principal of principals) {
    if (!ACCOUNT_ID.test(principal)) {
      throw ramErrors.invalidParameter(
        `Principal ${principal} is not an AWS account ID; only account principals are served by the local endpoint.`,
      );
    }
    if (principal === account) {
      throw ramErrors.invalidParameter(
        'The resource share cannot be shared with its owner.',
      );
    }
  }
  const named = (input.optStrings('permissionArns') ?? []).map(knownPermission);
  if (new Set(named.map(p => p.resourceType)).size < named.length) {
    throw ramErrors.invalidParameter(
      'Only one permission can be associated per resource type.',
    );
  }
  // Without a permission named, RAM associates the resource type's default.
  const permissions = named.length
    ? named
    : MANAGED_PERMISSIONS.filter(
        p => p.isResourceTypeDefault && resourceArns.length,
      );
  const tags = (
    input.optArray<{ key?: unknown; value?: unknown }>('tags') ?? []
  ).map(tag => {
    if (typeof tag?.key !== 'string')
      throw ramErrors.invalidParameter('Each tag must have a key.');
    return {
      key: tag.key,
      value: typeof tag.value === 'string' ? tag.value : '',
    };
  });
  const share = ctx.world.shares.create(account, ctx.region, {
    name,
    resourceArns,
    principals,
    permissionArns: permissions.map(p => p.arn),
    tags,
    allowExternalPrincipals: input.optBoolean('allowExternalPrincipals'),
  });
  return {
    resourceShare: shareOut(share),
    clientToken: input.optString('clientToken'),
  };
};

const getResourceShares: JsonOperation = (ctx, raw) => {
  const input = reader(raw);
  const owner = resourceOwner(input);
  const wanted = arns(input, 'resourceShareArns');
  const status = input.optString('resourceShareStatus');
  const name = input.optString('name');
  const permissionArn = input.optString('permissionArn');
  const shares = ctx.world.shares
    .visibleTo(ctx.principal.accountId, ctx.region, owner)
    .filter(
      share =>
        (!wanted || wanted.includes(share.resourceShareArn)) &&
        (!status || share.status === status) &&
        (!name || share.name === name) &&
        (!permissionArn ||
          share.permissionArns.includes(permissionArn.replace(/\/\d+$/, ''))),
    );
  return page(
    input,
    shares.map(shareOut),
    'GetResourceShares',
    'resourceShares',
  );
};

const listResources: JsonOperation = (ctx, raw) => {
  const input = reader(raw);
  const owner = resourceOwner(input);
  const principal = input.optString('principal');
  const type = input.optString('resourceType');
  const wanted = arns(input, 'resourceArns');
  const inShares = arns(input, 'resourceShareArns');
  const resources = ctx.world.shares
    .visibleTo(ctx.principal.accountId, ctx.region, owner)
    .filter(
      share =>
        share.status === 'ACTIVE' &&
        (!inShares || inShares.includes(share.resourceShareArn)) &&
        (!principal || share.principals.includes(principal)),
    )
    .flatMap(share =>
      share.resourceArns.map(arn => ({
        arn,
        type: NAMESPACE_RESOURCE_TYPE,
        resourceShareArn: share.resourceShareArn,
        status: 'AVAILABLE',
        creationTime: share.creationTime,
        lastUpdatedTime: share.lastUpdatedTime,
        resourceRegionScope: 'REGIONAL',
      })),
    )
    .filter(
      resource =>
        (!type || resource.type === type.toLowerCase()) &&
        (!wanted || wanted.includes(resource.arn)),
    );
  return page(input, resources, 'ListResources', 'resources');
};

const getResourceShareAssociations: JsonOperation = (ctx, raw) => {
  const input = reader(raw);
  const type = required(input, 'associationType');
  if (type !== 'PRINCIPAL' && type !== 'RESOURCE') {
    throw ramErrors.invalidParameter(
      `1 validation error detected: Value '${type}' at 'associationType' failed to satisfy constraint: Member must satisfy enum value set: [PRINCIPAL, RESOURCE]`,
    );
  }
  const resourceArn = input.optString('resourceArn');
  const principal = input.optString('principal');
  if (resourceArn && principal) {
    throw ramErrors.invalidParameter(
      'You can specify either resourceArn or principal, not both.',
    );
  }
  if (
    (type === 'PRINCIPAL' && resourceArn) ||
    (type === 'RESOURCE' && principal)
  ) {
    throw ramErrors.invalidParameter(
      `${
        resourceArn ? 'resourceArn' : 'principal'
      } cannot be used with associationType ${type}.`,
    );
  }
  const wanted = arns(input, 'resourceShareArns');
  const status = input.optString('associationStatus');
  // Associations are the owner's to list.
  const associations = ctx.world.shares
    .visibleTo(ctx.principal.accountId, ctx.region, 'SELF')
    .filter(share => !wanted || wanted.includes(share.resourceShareArn))
    .flatMap(share => {
      const base = {
        resourceShareArn: share.resourceShareArn,
        resourceShareName: share.name,
        associationType: type,
        creationTime: share.creationTime,
        lastUpdatedTime: share.lastUpdatedTime,
      };
      return type === 'RESOURCE'
        ? share.resourceArns.map(arn => ({
            ...base,
            associatedEntity: arn,
            status: 'ASSOCIATED',
            external: false,
          }))
        : share.principals.map(account => ({
            ...base,
            associatedEntity: account,
            // Until its invitation is accepted, an outside account is still being associated.
            status: share.accepted.has(account) ? 'ASSOCIATED' : 'ASSOCIATING',
            external: true,
          }));
    })
    .filter(
      a =>
        (!resourceArn || a.associatedEntity === resourceArn) &&
        (!principal || a.associatedEntity === principal) &&
        (!status || a.status === status),
    );
  return page(
    input,
    associations,
    'GetResourceShareAssociations',
    'resourceShareAssociations',
  );
};

const listResourceSharePermissions: JsonOperation = (ctx, raw) => {
  const input = reader(raw);
  const share = shareFor(ctx, required(input, 'resourceShareArn'));
  return page(
    input,
    permissionsOf(share).map(permissionOut),
    'ListResourceSharePermissions',
    'permissions',
  );
};

const listPermissions: JsonOperation = (_ctx, raw) => {
  const input = reader(raw);
  const type = input.optString('resourceType')?.toLowerCase();
  const permissionType = input.optString('permissionType') ?? 'ALL';
  if (!['ALL', 'AWS_MANAGED', 'CUSTOMER_MANAGED'].includes(permissionType)) {
    throw ramErrors.invalidParameter(
      `Invalid permissionType ${permissionType}.`,
    );
  }
  const permissions = MANAGED_PERMISSIONS.filter(
    p =>
      (!type || p.resourceType === type) &&
      permissionType !== 'CUSTOMER_MANAGED',
  );
  return page(
    input,
    permissions.map(permissionOut),
    'ListPermissions',
    'permissions',
  );
};

const associateResourceSharePermission: JsonOperation = (ctx, raw) => {
  const input = reader(raw);
  const share = shareFor(ctx, required(input, 'resourceShareArn'), true);
  const permission = knownPermission(required(input, 'permissionArn'));
  const sameType = permissionsOf(share).filter(
    p => p.resourceType === permission.resourceType,
  );
  if (sameType.some(p => p.arn !== permission.arn)) {
    if (!input.optBoolean('replace')) {
      throw ramErrors.invalidParameter(
        `A permission for ${permission.resourceType} is already associated with the resource share; set replace to replace it.`,
      );
    }
    share.permissionArns = share.permissionArns.filter(
      arn => !sameType.some(p => p.arn === arn),
    );
  }
  if (!share.permissionArns.includes(permission.arn))
    share.permissionArns.push(permission.arn);
  return { returnValue: true, clientToken: input.optString('clientToken') };
};

const getResourceShareInvitations: JsonOperation = (ctx, raw) => {
  const input = reader(raw);
  const wanted = arns(input, 'resourceShareInvitationArns');
  const inShares = arns(input, 'resourceShareArns');
  const invitations = ctx.world.shares
    .invitationsTo(ctx.principal.accountId, ctx.region)
    .filter(
      ({ share, invitation }) =>
        (!wanted || wanted.includes(invitation.resourceShareInvitationArn)) &&
        (!inShares || inShares.includes(share.resourceShareArn)),
    )
    .map(({ share, invitation }) => invitationOut(share, invitation));
  return page(
    input,
    invitations,
    'GetResourceShareInvitations',
    'resourceShareInvitations',
  );
};

const acceptResourceShareInvitation: JsonOperation = (ctx, raw) => {
  const input = reader(raw);
  const arn = required(input, 'resourceShareInvitationArn');
  if (!ARN.test(arn)) throw ramErrors.malformedArn(arn);
  const found = ctx.world.shares
    .invitationsTo(ctx.principal.accountId, ctx.region)
    .find(({ invitation }) => invitation.resourceShareInvitationArn === arn);
  if (!found) throw ramErrors.invitationNotFound(arn);
  if (found.invitation.status === 'ACCEPTED')
    throw ramErrors.invitationAlreadyAccepted(arn);
  ctx.world.shares.accept(found.share, found.invitation);
  return {
    resourceShareInvitation: invitationOut(found.share, found.invitation),
    clientToken: input.optString('clientToken'),
  };
};

const operations: Record<string, JsonOperation> = {
  CreateResourceShare: createResourceShare,
  GetResourceShares: getResourceShares,
  ListResources: listResources,
  GetResourceShareAssociations: getResourceShareAssociations,
  ListResourceSharePermissions: listResourceSharePermissions,
  ListPermissions: listPermissions,
  AssociateResourceSharePermission: associateResourceSharePermission,
  GetResourceShareInvitations: getResourceShareInvitations,
  AcceptResourceShareInvitation: acceptResourceShareInvitation,
};

/**
 * AWS RAM, the subset that creates, accepts and lists shares of Cloud Map
 * namespaces. Its paths are the operation names in lower case.
 */
export const ramApi: RestJsonService = {
  signingName: 'ram',
  operations: Object.fromEntries(
    Object.entries(operations).map(([name, run]) => [
      `/${name.toLowerCase()}`,
      { name, run },
    ]),
  ),
};
