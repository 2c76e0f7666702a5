import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { formatAwsFailure, tagOperation } from '../aws/awsFailure';
import { CallStats } from '../aws/CallStats';
import { AwsTimeouts, createScopeClients, ScopeClients, ScopePacer } from '../aws/scopeClients';
import { readScope } from './readScope';
import { refreshServices, ServiceRefresh } from './refreshServices';
import type { ScopeConfig } from './ScopeConfig';
import type { Enrichment } from './ReadNotes';
import { TaskDefinitionCache } from './TaskDefinitionCache';
import { InstanceListCache } from './InstanceListCache';

/** What reads of one account × region keep for the next: quota state and what does not need reading again. */
interface ScopeState {
  pacer: ScopePacer;
  taskDefinitions: TaskDefinitionCache;
  instanceLists: InstanceListCache;
}

/** The outcome of reading one account × region. @public */
export interface ScopeReadResult {
  scope: ScopeConfig;
  /**
   * Present when the read succeeded. Out of `EstateReader`, its references
   * are matched against known endpoints; from `ScopeReader` they are raw
   * candidates that must not be stored or served.
   */
  snapshot?: ScopeSnapshot;
  /**
   * Why the read failed, as `ecs:ListClusters failed: HTTP 403
   * AccessDeniedException, request id …: <advice>` (the scope is not repeated).
   */
  error?: string;
  stats: CallStats;
  durationMs: number;
}

/** The outcome of re-reading some services of one account × region. @public */
export interface ScopeRefreshResult {
  scope: ScopeConfig;
  /**
   * Present when the read succeeded. Out of `EstateReader`, its new task
   * definitions' references are matched against known endpoints.
   */
  refresh?: ServiceRefresh;
  /** Answers that cannot come from AWS, as in a snapshot. */
  anomalies?: string[];
  error?: string;
  stats: CallStats;
  durationMs: number;
}


/**
 * Credentials are fetched inside the SDK's signing step, outside the
 * middleware that names failed calls; an AWS answer there comes from STS
 * assuming the account's role.
 */
function namingFailures(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  return async (...args) => {
    try {
      return await provider(...args);
    } catch (error) {
      const answered = !!(error as { $metadata?: unknown })?.$metadata;
      tagOperation(error, answered ? 'sts:AssumeRole' : 'credentials');
      throw error;
    }
  };
}

/** How the AWS SDK is used to read. @public */
export interface ReaderOptions {
  credentials: AwsCredentialsManager;
  /** Share of each published AWS quota to use (0.1–1). */
  quotaShare: number;
  /** Requests in flight per account × region. */
  concurrency: number;
  /** Per-attempt limits of every AWS request. Default `DEFAULT_AWS_TIMEOUTS`. */
  timeouts?: AwsTimeouts;
  /** Enrichments not to read at all. */
  skip?: readonly Enrichment[];
}

/**
 * Reads accounts × regions through the AWS SDK. Pacing buckets, the task
 * definition cache and the instance lists (by Cloud Map revision) live per
 * account × region for the reader's lifetime, so
 * consecutive reads share quota state and never describe a task definition
 * twice. Internal: `EstateReader` is the way out of this package.
 */
export class ScopeReader {
  private readonly states = new Map<string, ScopeState>();

  constructor(private readonly options: ReaderOptions) {}

  /** Never throws: a failure is returned with its message. */
  async read(scope: ScopeConfig, signal?: AbortSignal): Promise<ScopeReadResult> {
    const outcome = await this.withClients(scope, signal, (clients, state) =>
      readScope({
        scope,
        clients,
        taskDefinitions: state.taskDefinitions,
        instanceLists: state.instanceLists,
        concurrency: this.options.concurrency,
        skip: this.options.skip,
      }),
    );
    const { value: snapshot, ...rest } = outcome;
    return { ...rest, ...(snapshot ? { snapshot } : {}) };
  }

  /**
   * Re-reads some services (ECS by ARN, Cloud Map by id) of a scope whose
   * snapshot is `base`, under the same pacing and task definition cache as
   * full reads. Never throws.
   */
  async refresh(
    scope: ScopeConfig,
    base: ScopeSnapshot,
    targets: { serviceArns: string[]; cloudMapServiceIds?: string[] },
    signal?: AbortSignal,
  ): Promise<ScopeRefreshResult> {
    const outcome = await this.withClients(scope, signal, (clients, state) =>
      refreshServices({
        scope,
        clients,
        taskDefinitions: state.taskDefinitions,
        concurrency: this.options.concurrency,
        skip: this.options.skip,
        base,
        ...targets,
      }),
    );
    const { value, ...rest } = outcome;
    if (!value) return rest;
    const { notes, ...refresh } = value;
    return { ...rest, refresh, anomalies: notes.anomalies };
  }

  private async withClients<T>(
    scope: ScopeConfig,
    signal: AbortSignal | undefined,
    work: (clients: ScopeClients, state: ScopeState) => Promise<T>,
  ): Promise<{ scope: ScopeConfig; value?: T; error?: string; stats: CallStats; durationMs: number }> {
    const key = `${scope.accountId}/${scope.region}`;
    const stats = new CallStats();
    const started = performance.now();
    const state = this.states.get(key) ?? {
      pacer: new ScopePacer(this.options.quotaShare),
      taskDefinitions: new TaskDefinitionCache(),
      instanceLists: new InstanceListCache(),
    };
    this.states.set(key, state);
    // A read fails at its first failed call; stopping the others then saves
    // the quota they would spend on a snapshot that will not be stored.
    const failed = new AbortController();
    const readSignal = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
    let clients: ScopeClients | undefined;
    try {
      const provider = await this.options.credentials.getCredentialProvider({
        accountId: scope.accountId,
      });
      clients = createScopeClients({
        region: scope.region,
        credentials: namingFailures(provider.sdkCredentialProvider),
        pacer: state.pacer,
        stats,
        timeouts: this.options.timeouts,
        signal: readSignal,
      });
      const value = await work(clients, state);
      return { scope, value, stats, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      failed.abort();
      return {
        scope,
        error: formatAwsFailure(error).slice(0, 1000),
        stats,
        durationMs: Math.round(performance.now() - started),
      };
    } finally {
      // Each read has its own clients (they count into this read's stats);
      // closing them frees their keep-alive sockets rather than leaving them
      // open until the next sync.
      if (clients) Object.values(clients).forEach(client => client.destroy());
    }
  }
}
