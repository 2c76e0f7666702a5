import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  analyzeNetwork,
  NetworkModel,
  ScopeSnapshot,
  TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import { Enrichment, EstateReader } from '@ecs-net/plugin-ecs-networking-node';

/** `111111111111` (the caller's own credentials) or `222222222222:role-name`. */
export interface AccountSpec {
  accountId?: string;
  roleName?: string;
}

export interface ScanOptions {
  accounts: AccountSpec[];
  regions: string[];
  tagKeys?: Partial<TagKeys>;
  /** Enrichments not to read. */
  skip?: Enrichment[];
}

/** How the read of one account × region went. */
export interface ScopeOutcome {
  accountId: string;
  region: string;
  /** Why the scope was not read; absent when it was. */
  error?: string;
  /** Enrichments the read went without, and why. */
  skipped: string[];
  /** Answers that cannot come from AWS, and how the read resolved them. */
  anomalies: string[];
}

export interface ScanResult {
  model: NetworkModel;
  snapshots: ScopeSnapshot[];
  scopes: ScopeOutcome[];
  calls: number;
}

/**
 * Reads the given accounts × regions with the standard AWS credential chain
 * (and AssumeRole for `account:role` entries), then analyzes them exactly as
 * the backend plugin does.
 */
export async function scanNetwork(options: ScanOptions): Promise<ScanResult> {
  const roleAccounts = options.accounts.filter(a => a.accountId && a.roleName);
  const credentials = DefaultAwsCredentialsManager.fromConfig(
    new ConfigReader({
      aws: {
        accounts: roleAccounts.map(a => ({ accountId: a.accountId, roleName: a.roleName })),
      },
    }),
  );
  const accountIds: string[] = [];
  for (const account of options.accounts.length ? options.accounts : [{}]) {
    if (account.accountId) {
      accountIds.push(account.accountId);
      continue;
    }
    const own = await credentials.getCredentialProvider();
    const identity = own.accountId
      ? undefined
      : await new STSClient({
          region: options.regions[0],
          credentials: own.sdkCredentialProvider,
        }).send(new GetCallerIdentityCommand({}));
    const accountId = own.accountId ?? identity?.Account;
    if (!accountId) {
      throw new Error('Could not tell which account the credentials belong to; pass --account');
    }
    accountIds.push(accountId);
  }

  const reader = new EstateReader({
    credentials,
    quotaShare: 0.5,
    concurrency: 4,
    skip: options.skip,
  });
  const results = await reader.readEstate(
    accountIds.flatMap(accountId => options.regions.map(region => ({ accountId, region }))),
  );
  const snapshots = results.flatMap(r => r.snapshot ?? []);
  return {
    model: analyzeNetwork(snapshots, { tagKeys: options.tagKeys }),
    snapshots,
    scopes: results.map(r => ({
      accountId: r.scope.accountId,
      region: r.scope.region,
      error: r.error,
      skipped: r.snapshot?.skipped ?? [],
      anomalies: r.snapshot?.anomalies ?? [],
    })),
    calls: results.reduce((n, r) => n + r.stats.total(), 0),
  };
}
