import { DeleteServiceCommand, ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import { LocalAws, LocalAwsOptions, startLocalAws } from './startLocalAws';

/**
 * For the tests of AWS clients (the plugins, the CLI, the bench): the local
 * endpoint reached the way a user reaches it, and the credentials config of
 * the demo and synthetic estates.
 */

/**
 * Starts the endpoint and points every AWS SDK client of this process at it
 * through the standard variables (`AWS_ENDPOINT_URL`, `AWS_REGION`), as a
 * user would: nothing in the code under test names it.
 *
 * @public
 */
export async function startLocalAwsForSdk(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const local = await startLocalAws(options);
  process.env.AWS_ENDPOINT_URL = local.url;
  process.env.AWS_REGION = 'eu-west-1';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  return local;
}

/** The demo estate's accounts and regions, as `ecsNetworking.accounts` lists them. @public */
export const DEMO_SCOPES = [
  { accountId: '111111111111', regions: ['eu-west-1', 'us-east-1'] },
  { accountId: '222222222222', regions: ['eu-west-1', 'us-east-1'] },
];

/**
 * The `aws` app-config section that reaches the demo estate: the first
 * account's key, and the second account through its reader role, as the
 * demo portal is configured.
 *
 * @public
 */
export function demoAwsConfig() {
  return {
    mainAccount: { accessKeyId: 'AKIADEMO111111111111', secretAccessKey: 'demo' },
    accounts: [{ accountId: '222222222222', roleName: 'ecs-networking-reader' }],
  };
}

/** The `aws` app-config section that reaches synthetic accounts (`generateEstate`), each with its own key. @public */
export function syntheticAwsConfig(accountIds: string[]) {
  return {
    accounts: accountIds.map(accountId => ({
      accountId,
      accessKeyId: `AKIASYNT${accountId}`,
      secretAccessKey: 'synthetic',
    })),
  };
}

/**
 * Deletes services of one cluster of the demo estate through the ECS API, as
 * someone would in AWS (all of them unless `names` are given). Returns the
 * names deleted.
 *
 * @public
 */
export async function deleteEcsServices(options: {
  accountId: string;
  region: string;
  cluster: string;
  names?: string[];
}): Promise<string[]> {
  const { accountId, region, cluster, names } = options;
  const ecs = new ECSClient({
    region,
    credentials: { accessKeyId: `AKIADEMO${accountId}`, secretAccessKey: 'demo' },
  });
  try {
    const { serviceArns = [] } = await ecs.send(new ListServicesCommand({ cluster, maxResults: 100 }));
    const deleted = serviceArns
      .map(arn => arn.split('/').pop()!)
      .filter(name => !names || names.includes(name));
    for (const service of deleted) {
      await ecs.send(new DeleteServiceCommand({ cluster, service, force: true }));
    }
    return deleted;
  } finally {
    ecs.destroy();
  }
}
