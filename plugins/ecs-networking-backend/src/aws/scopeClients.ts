import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import type {
  AwsCredentialIdentityProvider,
  DeserializeMiddleware,
  MiddlewareStack,
} from '@aws-sdk/types';
import { quotaFamily } from './quotas';
import { TokenBucket } from './TokenBucket';
import { CallStats } from './CallStats';

export interface ScopeClients {
  ecs: ECSClient;
  cloudMap: ServiceDiscoveryClient;
  loadBalancing: ElasticLoadBalancingV2Client;
  cloudWatch: CloudWatchClient;
}

/**
 * Paces every request attempt (retries included) of one account × region
 * under the AWS quotas, and counts it. Buckets live as long as the plugin so
 * back-to-back syncs do not each start with a full burst.
 */
export class ScopePacer {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly quotaShare: number) {}

  take(operation: string): Promise<void> {
    const { name, quota } = quotaFamily(operation);
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = new TokenBucket(
        Math.max(1, Math.floor(quota.burst * this.quotaShare)),
        quota.rate * this.quotaShare,
      );
      this.buckets.set(name, bucket);
    }
    return bucket.take();
  }
}

const THROTTLING_ERRORS = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);

type Instrumentable = { middlewareStack: MiddlewareStack<any, any> };

function instrument<C extends Instrumentable>(
  client: C,
  service: 'ecs' | 'servicediscovery' | 'elasticloadbalancing' | 'cloudwatch',
  pacer: ScopePacer,
  stats: CallStats,
): C {
  // The deserialize step sits inside the SDK's retry loop, so this runs once
  // per attempt: pacing and counting see what AWS sees.
  const paceAndCount: DeserializeMiddleware<any, any> = (next, context) => async args => {
      const operation = String(context.commandName);
      // `ecs:ListServices` and `servicediscovery:ListServices` are different APIs.
      const label = `${service}:${operation.replace(/Command$/, '')}`;
      await pacer.take(label);
      try {
        const result = await next(args);
        stats.record(label, false);
        return result;
      } catch (error) {
        const name = (error as Error)?.name;
        stats.record(label, THROTTLING_ERRORS.has(name));
        throw error;
      }
    };
  client.middlewareStack.add(paceAndCount, {
    step: 'deserialize',
    name: 'ecsNetworkingPaceAndCount',
    priority: 'low',
  });
  return client;
}

/**
 * SDK clients for one account × region. Endpoints come from the standard
 * AWS_ENDPOINT_URL* variables or the SDK's defaults, never from this code.
 */
export function createScopeClients(options: {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  pacer: ScopePacer;
  stats: CallStats;
}): ScopeClients {
  const common = {
    region: options.region,
    credentials: options.credentials,
    // Adaptive retry backs off on throttling and rate-limits the client
    // itself, which absorbs quota bursts caused by other tools in the account.
    retryMode: 'adaptive',
    maxAttempts: 8,
  };
  return {
    ecs: instrument(new ECSClient(common), 'ecs', options.pacer, options.stats),
    cloudMap: instrument(
      new ServiceDiscoveryClient(common),
      'servicediscovery',
      options.pacer,
      options.stats,
    ),
    loadBalancing: instrument(
      new ElasticLoadBalancingV2Client(common),
      'elasticloadbalancing',
      options.pacer,
      options.stats,
    ),
    cloudWatch: instrument(
      new CloudWatchClient(common),
      'cloudwatch',
      options.pacer,
      options.stats,
    ),
  };
}
