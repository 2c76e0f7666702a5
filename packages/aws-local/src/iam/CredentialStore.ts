import { base32Id } from '../util/ids';

/** Who signed a request, as GetCallerIdentity reports it. */
export interface Principal {
  accountId: string;
  arn: string;
  userId: string;
}

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  assumedRoleId: string;
  assumedRoleArn: string;
}

export type Resolution =
  | { principal: Principal }
  | { problem: 'unrecognized' | 'expired' };

export class AssumeRoleDenied extends Error {}

interface Role {
  trustedAccounts?: string[];
}

interface SessionClaims {
  k: string;
  a: string;
  r: string;
  s: string;
  e: number;
}

const SESSION_KEY_PATTERN = /^ASIA(\d{12})[A-Z2-7]{4}$/;
const TOKEN_PREFIX = 'LocalAwsSession/';

/**
 * Maps access keys to accounts. Session credentials from AssumeRole carry
 * their account in the access key ID and their role, session and expiry in
 * the session token, so they keep working across restarts of the endpoint.
 */
export class CredentialStore {
  private readonly accounts = new Map<string, Map<string, Role>>();
  private readonly keys = new Map<string, Principal>();
  private sessions = 0;

  addAccount(accountId: string): void {
    if (!/^\d{12}$/.test(accountId)) {
      throw new Error(`account id '${accountId}' must be 12 digits`);
    }
    if (!this.accounts.has(accountId)) {
      this.accounts.set(accountId, new Map());
    }
  }

  listAccounts(): string[] {
    return [...this.accounts.keys()];
  }

  addAccessKey(
    accessKeyId: string,
    accountId: string,
    userName = 'local-user',
  ): void {
    this.addAccount(accountId);
    this.keys.set(accessKeyId, {
      accountId,
      arn: `arn:aws:iam::${accountId}:user/${userName}`,
      userId: `AIDA${base32Id(17, 'user', accountId, userName).toUpperCase()}`,
    });
  }

  addRole(
    accountId: string,
    roleName: string,
    trustedAccounts?: string[],
  ): void {
    this.addAccount(accountId);
    this.accounts.get(accountId)!.set(roleName, { trustedAccounts });
  }

  resolve(
    accessKeyId: string,
    sessionToken: string | undefined,
    now = new Date(),
  ): Resolution {
    const principal = this.keys.get(accessKeyId);
    if (principal) {
      return { principal };
    }
    const match = SESSION_KEY_PATTERN.exec(accessKeyId);
    const claims = sessionToken ? decodeToken(sessionToken) : undefined;
    if (
      !match ||
      !claims ||
      claims.k !== accessKeyId ||
      claims.a !== match[1] ||
      !this.accounts.has(claims.a)
    ) {
      return { problem: 'unrecognized' };
    }
    if (now.getTime() > claims.e) {
      return { problem: 'expired' };
    }
    return {
      principal: {
        accountId: claims.a,
        arn: `arn:aws:sts::${claims.a}:assumed-role/${claims.r}/${claims.s}`,
        userId: `${roleId(claims.a, claims.r)}:${claims.s}`,
      },
    };
  }

  assumeRole(
    caller: Principal,
    roleArn: string,
    sessionName: string,
    durationSeconds: number,
    now = new Date(),
  ): SessionCredentials {
    const match =
      /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/.exec(
        roleArn,
      );
    const role = match && this.accounts.get(match[1])?.get(match[2]);
    if (
      !match ||
      !role ||
      (role.trustedAccounts && !role.trustedAccounts.includes(caller.accountId))
    ) {
      throw new AssumeRoleDenied(
        `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      );
    }
    const [, accountId, roleName] = match;
    const seq = this.sessions++;
    const accessKeyId = `ASIA${accountId}${base32Id(
      4,
      'session',
      accountId,
      roleName,
      sessionName,
      seq,
      now.getTime(),
    ).toUpperCase()}`;
    const expiration = new Date(now.getTime() + durationSeconds * 1000);
    const claims: SessionClaims = {
      k: accessKeyId,
      a: accountId,
      r: roleName,
      s: sessionName,
      e: expiration.getTime(),
    };
    return {
      accessKeyId,
      secretAccessKey: base32Id(40, 'secret', accessKeyId),
      sessionToken:
        TOKEN_PREFIX + Buffer.from(JSON.stringify(claims)).toString('base64'),
      expiration,
      assumedRoleId: `${roleId(accountId, roleName)}:${sessionName}`,
      assumedRoleArn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
    };
  }
}

function roleId(accountId: string, roleName: string): string {
  return `AROA${base32Id(17, 'role', accountId, roleName).toUpperCase()}`;
}

function decodeToken(token: string): SessionClaims | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  try {
    const claims = JSON.parse(
      Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64').toString('utf8'),
    );
    const valid =
      typeof claims.k === 'string' &&
      typeof claims.a === 'string' &&
      typeof claims.r === 'string' &&
      typeof claims.s === 'string' &&
      typeof claims.e === 'number';
    return valid ? claims : undefined;
  } catch {
    return undefined;
  }
}
