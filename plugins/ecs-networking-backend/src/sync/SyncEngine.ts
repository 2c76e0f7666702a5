import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import type { EventsService } from '@backstage/plugin-events-node';
import { retainReferences, SNAPSHOT_UPDATED_TOPIC } from '@ecs-net/plugin-ecs-networking-common';
import { CallStats } from '../aws/CallStats';
import { createScopeClients, ScopePacer } from '../aws/scopeClients';
import type { EcsNetworkingConfig, ScopeConfig } from '../config';
import { readScope } from '../reader/readScope';
import { mapLimited } from '../reader/paging';
import { TaskDefinitionCache } from '../reader/TaskDefinitionCache';
import type { SnapshotStore } from '../store/SnapshotStore';


/** Account × region pairs read at the same time: each has its own quota. */
const PARALLEL_SCOPES = 4;

export interface SyncResult {
  scopes: Array<{
    accountId: string;
    region: string;
    ok: boolean;
    error?: string;
    calls: Record<string, number>;
    throttled: number;
    durationMs: number;
    services: number;
  }>;
  durationMs: number;
}

function scopeKey(scope: { accountId: string; region: string }) {
  return `${scope.accountId}/${scope.region}`;
}

function describeError(error: unknown): string {
  const e = error as { name?: string; message?: string };
  const name = e?.name && e.name !== 'Error' ? `${e.name}: ` : '';
  return `${name}${e?.message ?? String(error)}`.slice(0, 1000);
}

/**
 * Reads every configured account × region and stores what it found. A scope
 * that fails keeps its last good snapshot (marked stale); the others are
 * written as usual.
 */
export class SyncEngine {
  private readonly pacers = new Map<string, ScopePacer>();
  private readonly taskDefinitions = new Map<string, TaskDefinitionCache>();

  constructor(
    private readonly options: {
      config: EcsNetworkingConfig;
      credentials: AwsCredentialsManager;
      store: SnapshotStore;
      logger: LoggerService;
      events?: EventsService;
    },
  ) {}

  async run(): Promise<SyncResult> {
    const { config, store, logger } = this.options;
    const started = performance.now();
    const outcomes = await mapLimited(config.scopes, PARALLEL_SCOPES, scope =>
      this.readOne(scope),
    );

    // References are matched against every known endpoint, including those
    // of scopes whose read failed this time (their last good snapshot).
    const fresh = outcomes.flatMap(o => (o.snapshot ? [o.snapshot] : []));
    const freshKeys = new Set(fresh.map(scopeKey));
    const stored = (await store.list())
      .flatMap(s => (s.snapshot && !freshKeys.has(scopeKey(s.snapshot)) ? [s.snapshot] : []));
    const retained = retainReferences(fresh, [...fresh, ...stored]);

    for (const outcome of outcomes) {
      const attempt = { calls: outcome.stats.byOperation(), durationMs: outcome.durationMs };
      if (outcome.snapshot) {
        const snapshot = retained.find(s => scopeKey(s) === scopeKey(outcome.scope))!;
        await store.saveSuccess(snapshot, attempt);
      } else {
        await store.saveFailure(outcome.scope, outcome.error!, attempt);
      }
    }
    await store.retainOnly(config.scopes);

    const result: SyncResult = {
      durationMs: Math.round(performance.now() - started),
      scopes: outcomes.map(o => ({
        accountId: o.scope.accountId,
        region: o.scope.region,
        ok: !!o.snapshot,
        error: o.error,
        calls: o.stats.byOperation(),
        throttled: o.stats.throttledCount(),
        durationMs: o.durationMs,
        services: o.snapshot?.services.length ?? 0,
      })),
    };
    const calls = new CallStats();
    for (const o of outcomes) calls.add(o.stats);
    const failed = result.scopes.filter(s => !s.ok);
    logger.info(
      `ECS networking sync: ${result.scopes.length - failed.length}/${result.scopes.length} scopes ok, ` +
        `${fresh.reduce((n, s) => n + s.services.length, 0)} services, ` +
        `${calls.total()} AWS calls (${calls.summary()}), ${result.durationMs} ms`,
    );
    for (const f of failed) {
      logger.warn(
        `ECS networking sync: ${f.accountId}/${f.region} failed, keeping its last good data: ${f.error}`,
      );
    }
    await this.options.events?.publish({
      topic: SNAPSHOT_UPDATED_TOPIC,
      eventPayload: { scopes: result.scopes.map(s => ({ ...s, calls: undefined })) },
    });
    return result;
  }

  private async readOne(scope: ScopeConfig) {
    const { config, credentials } = this.options;
    const key = scopeKey(scope);
    const stats = new CallStats();
    const started = performance.now();
    let pacer = this.pacers.get(key);
    if (!pacer) {
      pacer = new ScopePacer(config.quotaShare);
      this.pacers.set(key, pacer);
    }
    let cache = this.taskDefinitions.get(key);
    if (!cache) {
      cache = new TaskDefinitionCache();
      this.taskDefinitions.set(key, cache);
    }
    try {
      const provider = await credentials.getCredentialProvider({ accountId: scope.accountId });
      const clients = createScopeClients({
        region: scope.region,
        credentials: provider.sdkCredentialProvider,
        pacer,
        stats,
      });
      const snapshot = await readScope({
        scope,
        clients,
        taskDefinitions: cache,
        concurrency: config.concurrency,
      });
      return { scope, snapshot, stats, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      return {
        scope,
        error: describeError(error),
        stats,
        durationMs: Math.round(performance.now() - started),
      };
    }
  }
}
