import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RAMClient } from '@aws-sdk/client-ram';
import { ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import type {
  AwsCredentialIdentityProvider,
  DeserializeMiddleware,
  MiddlewareStack,
} from '@aws-sdk/types';
import {
  asError,
  isNonAwsResponse,
  isThrottled,
  tagOperation,
  toNonAwsResponseError,
} from './awsFailure';
import { quotaFamily } from './quotas';
import { TokenBucket } from './TokenBucket';
import { CallStats } from './CallStats';

export interface ScopeClients {
  ecs: ECSClient;
  cloudMap: ServiceDiscoveryClient;
  loadBalancing: ElasticLoadBalancingV2Client;
  cloudWatch: CloudWatchClient;
  /** AWS RAM: who each namespace is shared with, under which permissions. */
  ram: RAMClient;
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

type Instrumentable = {
  middlewareStack: MiddlewareStack<any, any>;
  send: (...args: any[]) => Promise<any>;
};

function instrument<C extends Instrumentable>(
  client: C,
  service: 'ecs' | 'servicediscovery' | 'elasticloadbalancing' | 'cloudwatch' | 'ram',
  pacer: ScopePacer,
  stats: CallStats,
  signal?: AbortSignal,
): C {
  // The deserialize step sits inside the SDK's retry loop, so this runs once
  // per attempt: pacing and counting see what AWS sees. It wraps the SDK's
  // deserializer (high priority runs outside it): below it an AWS error is
  // still a raw HTTP answer and a throttled attempt would count as a success.
  // It also names the operation on the error, and turns an answer that is not
  // AWS's (an HTML 500 page) into an error the retry strategy leaves alone:
  // the SDK would take its status for a transient fault and ask seven more
  // times.
  const paceAndCount: DeserializeMiddleware<any, any> = (next, context) => async args => {
      const operation = String(context.commandName);
      // `ecs:ListServices` and `servicediscovery:ListServices` are different APIs.
      const label = `${service}:${operation.replace(/Command$/, '')}`;
      // An aborted read (the scheduler's timeout, or a failed call) sends no
      // further attempt, not even one that was waiting for the pacer.
      signal?.throwIfAborted();
      await pacer.take(label);
      signal?.throwIfAborted();
      try {
        const result = await next(args);
        stats.record(label, false);
        return result;
      } catch (error) {
        stats.record(label, isThrottled(error));
        const failure = isNonAwsResponse(error) ? toNonAwsResponseError(error) : asError(error);
        tagOperation(failure, label);
        throw failure;
      }
    };
  client.middlewareStack.add(paceAndCount, {
    step: 'deserialize',
    name: 'ecsNetworkingPaceAndCount',
    priority: 'high',
  });
  return signal ? withAbortSignal(client, signal) : client;
}

/**
 * Every call of the client gets `signal` as its `abortSignal`, the SDK's own
 * way to cancel one: the request in flight is dropped and a retry waiting on
 * its backoff (up to 20 s) gives up at once.
 */
function withAbortSignal<C extends Pick<Instrumentable, 'send'>>(
  client: C,
  signal: AbortSignal,
): C {
  const send = client.send.bind(client);
  client.send = ((command: unknown, options?: object) =>
    send(command, { abortSignal: signal, ...options })) as C['send'];
  return client;
}

/** Limits of one AWS request attempt, in milliseconds. @public */
export interface AwsTimeouts {
  /** From sending the request to the answer's headers; also the longest idle gap mid-answer. */
  requestMs: number;
  /** To open the connection. */
  connectionMs: number;
}

/**
 * Well above what a healthy AWS read takes, and short enough that a call
 * whose every attempt hangs still fails well inside the 4-minute sync timeout.
 */
export const DEFAULT_AWS_TIMEOUTS: AwsTimeouts = { requestMs: 10_000, connectionMs: 3_000 };

/** Attempts per call (the first and its retries) for what a read needs, and for enrichments. */
const CORE_ATTEMPTS = 8;
const ENRICHMENT_ATTEMPTS = 3;

/** Whether the standard variables set the endpoint of a service (its SDK id in upper case). */
function endpointOverridden(serviceId: string): boolean {
  return !!(process.env[`AWS_ENDPOINT_URL_${serviceId}`] || process.env.AWS_ENDPOINT_URL);
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
  timeouts?: AwsTimeouts;
  signal?: AbortSignal;
}): ScopeClients {
  const timeouts = options.timeouts ?? DEFAULT_AWS_TIMEOUTS;
  const core = {
    region: options.region,
    credentials: options.credentials,
    // The pacer above keeps the rate under the quotas; standard retry backs
    // off exponentially from what throttling still happens (other tools in
    // the account). Not adaptive: its limiter starts each new client at a
    // measured rate of 0, so one early throttle slows the rest of the read
    // to 0.5 requests per second, recovering over seconds.
    retryMode: 'standard',
    maxAttempts: CORE_ATTEMPTS,
    // The SDK waits forever by default: one hung connection would hold the
    // whole sync until the scheduler's timeout. A timed-out attempt is a
    // TimeoutError, which the retry strategy retries.
    requestHandler: {
      requestTimeout: timeouts.requestMs,
      throwOnRequestTimeout: true,
      socketTimeout: timeouts.requestMs,
      connectionTimeout: timeouts.connectionMs,
    },
  };
  // What only adds detail to a read gives up sooner: the read goes on without it.
  const enrichment = { ...core, maxAttempts: ENRICHMENT_ATTEMPTS };
  return {
    ecs: instrument(new ECSClient(core), 'ecs', options.pacer, options.stats, options.signal),
    cloudMap: instrument(
      new ServiceDiscoveryClient({
        ...core,
        // The SDK sends Cloud Map's data-plane calls (DiscoverInstancesRevision)
        // to `data-<host>`. An endpoint set in AWS_ENDPOINT_URL* names the one
        // host to call (a VPC endpoint, a proxy, an AWS implementation), where
        // that name would not resolve.
        disableHostPrefix: endpointOverridden('SERVICEDISCOVERY'),
      }),
      'servicediscovery',
      options.pacer,
      options.stats,
      options.signal,
    ),
    loadBalancing: instrument(
      new ElasticLoadBalancingV2Client(enrichment),
      'elasticloadbalancing',
      options.pacer,
      options.stats,
      options.signal,
    ),
    cloudWatch: instrument(
      new CloudWatchClient(enrichment),
      'cloudwatch',
      options.pacer,
      options.stats,
      options.signal,
    ),
    ram: instrument(new RAMClient(enrichment), 'ram', options.pacer, options.stats, options.signal),
  };
}
