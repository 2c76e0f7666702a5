import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  RemovalPending,
  ScopeSnapshot,
  SNAPSHOT_UPDATED_TOPIC,
} from '@ecs-net/plugin-ecs-networking-common';
import { CallStats, EstateReader } from '@ecs-net/plugin-ecs-networking-node';
import type { EcsNetworkingConfig } from '../config';
import type { HistoryRecorder } from '../history/HistoryRecorder';
import type { CatalogDependsOnReader, CatalogLinks } from '../service/catalogDependencies';
import type { SnapshotStore } from '../store/SnapshotStore';
import { decideRemoval, RemovalGuardDecision } from './removalGuard';

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
    /** Set when the read was held back by the removal guard: the last good services stay. */
    removalPending?: RemovalPending;
  }>;
  durationMs: number;
}

function scopeKey(scope: { accountId: string; region: string }) {
  return `${scope.accountId}/${scope.region}`;
}

/**
 * Reads every configured account × region and stores what it found. A scope
 * that fails keeps its last good snapshot (marked stale); the others are
 * written as usual.
 */
export class SyncEngine {
  private readonly reader: EstateReader;

  constructor(
    private readonly options: {
      config: EcsNetworkingConfig;
      credentials: AwsCredentialsManager;
      store: SnapshotStore;
      logger: LoggerService;
      events?: EventsService;
      readCatalogDependsOn?: CatalogDependsOnReader;
      /** Shared with the live updates, so both keep to one pace per scope. */
      reader?: EstateReader;
      /** Records what the run changed in the network. */
      history?: HistoryRecorder;
    },
  ) {
    this.reader =
      options.reader ??
      new EstateReader({
        credentials: options.credentials,
        quotaShare: options.config.quotaShare,
        concurrency: options.config.concurrency,
        timeouts: options.config.timeouts,
      });
  }

  async run(signal?: AbortSignal): Promise<SyncResult> {
    const { config, store, logger } = this.options;
    const started = performance.now();
    const readStartedAt = new Date().toISOString();
    let decisions = new Map<string, RemovalGuardDecision>();
    const heldBack = (scope: { accountId: string; region: string }) => {
      const decision = decisions.get(scopeKey(scope));
      return decision?.action === 'hold' ? decision.pending : undefined;
    };
    let fresh: ScopeSnapshot[] = [];
    let stored: ScopeSnapshot[] = [];
    const outcomes = await this.reader.readEstate(config.scopes, {
      signal,
      // References are matched against every known endpoint, including those
      // of scopes whose read failed or was held this time (their last good
      // snapshot).
      context: async read => {
        decisions = await this.guardRemovals(read);
        fresh = read.filter(snapshot => !heldBack(snapshot));
        stored = await store.snapshotsExcept(fresh);
        return [...fresh, ...stored];
      },
    });

    for (const outcome of outcomes) {
      const attempt = { calls: outcome.stats.byOperation(), durationMs: outcome.durationMs };
      const pending = heldBack(outcome.scope);
      if (pending) {
        await store.saveHeld(outcome.scope, pending, attempt);
      } else if (outcome.snapshot) {
        await store.saveSuccess(outcome.snapshot, attempt, readStartedAt);
      } else {
        await store.saveFailure(outcome.scope, outcome.error!, attempt);
      }
    }
    await store.retainOnly(config.scopes);
    // An aborted run (the schedule's timeout, or the backend shutting down)
    // only records what it read; asking the catalog can wait for the next.
    const aborted = signal?.aborted ?? false;
    if (!aborted) await this.storeCatalogDependsOn([...fresh, ...stored]);

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
        removalPending: heldBack(o.scope),
      })),
    };
    const calls = new CallStats();
    for (const o of outcomes) calls.add(o.stats);
    const failed = result.scopes.filter(s => !s.ok);
    const summary =
      `${result.scopes.length - failed.length}/${result.scopes.length} scopes ok, ` +
      `${fresh.reduce((n, s) => n + s.services.length, 0)} services, ` +
      `${calls.total()} AWS calls (${calls.summary()}), ${result.durationMs} ms`;
    if (aborted) {
      // One line: every unfinished scope failed for the same reason.
      logger.warn(
        `ECS networking sync aborted (schedule timeout or shutdown): ${summary}; the others keep their last good data`,
      );
    } else {
      logger.info(`ECS networking sync: ${summary}`);
      for (const f of failed) {
        logger.warn(
          `ECS networking sync: ${f.accountId}/${f.region} not read, keeping its last good data: ${f.error}`,
        );
      }
      for (const { scope, snapshot } of outcomes) {
        const notes = [...(snapshot?.skipped ?? []), ...(snapshot?.anomalies ?? [])];
        if (notes.length) {
          logger.warn(
            `ECS networking sync: ${scopeKey(scope)} read, with notes: ${notes.join('; ')}`,
          );
        }
      }
    }
    this.logRemovals(decisions);
    await this.options.history?.record('sync');
    await this.options.events?.publish({
      topic: SNAPSHOT_UPDATED_TOPIC,
      eventPayload: {
        trigger: 'sync',
        scopes: result.scopes.map(s => ({ ...s, calls: undefined })),
      },
    });
    return result;
  }

  /**
   * The removal guard's decision for every scope read successfully: a read
   * that loses most of a scope's services is held until a later read
   * confirms it, so a bad filter or role does not empty the catalog.
   */
  private async guardRemovals(
    snapshots: ScopeSnapshot[],
  ): Promise<Map<string, RemovalGuardDecision>> {
    const { config, store } = this.options;
    const states = await store.removalGuardStates();
    const now = new Date();
    const decisions = new Map<string, RemovalGuardDecision>();
    for (const snapshot of snapshots) {
      const key = scopeKey(snapshot);
      const settings = config.scopes.find(s => scopeKey(s) === key)!.removalGuard;
      const state = states.get(key);
      decisions.set(
        key,
        decideRemoval({
          previousServices: state?.previousServices,
          readServices: snapshot.services.length,
          pending: state?.pending,
          now,
          settings,
        }),
      );
    }
    return decisions;
  }

  private logRemovals(decisions: Map<string, RemovalGuardDecision>) {
    const { logger } = this.options;
    for (const [key, decision] of decisions) {
      if (decision.action === 'hold') {
        const { previousServices, since } = decision.pending;
        logger.warn(
          `ECS networking sync: ${key} removal pending, keeping its ${previousServices} services ` +
            `until a later read confirms it (first seen ${since}): ${decision.pending.reason}`,
        );
      } else if (decision.action === 'confirm') {
        const { previousServices, readServices } = decision.pending;
        logger.warn(
          `ECS networking sync: ${key} removal confirmed by another read, ` +
            `${previousServices - readServices} of its ${previousServices} services removed`,
        );
      }
    }
  }

  /**
   * Re-reads the catalog's side of the stored services between syncs: the
   * catalog loads Components on its own schedule (a file location at
   * startup, an edit in a repository), and a sync that ran before them would
   * leave drift and the component-tag findings wrong until the next one. A
   * changed answer is a new generation; the same answer changes nothing.
   */
  async refreshCatalogLinks(): Promise<void> {
    const snapshots = (await this.options.store.list()).flatMap(s => (s.snapshot ? [s.snapshot] : []));
    // Before the first sync there is nothing to link.
    if (snapshots.length) await this.storeCatalogDependsOn(snapshots);
  }

  /**
   * What the catalog declares the services depend on, and which tagged
   * Components it lacks, is read here, once per sync, and stored with the
   * snapshots: every replica then analyses the same input. Catalog trouble
   * never fails the sync; the last answer stays.
   */
  private async storeCatalogDependsOn(snapshots: ScopeSnapshot[]): Promise<void> {
    const { readCatalogDependsOn, store, logger, config } = this.options;
    if (!readCatalogDependsOn) return;
    const services = snapshots.flatMap(s =>
      s.services.map(svc => ({ arn: svc.arn, component: svc.tags[config.tagKeys.component] })),
    );
    let links: CatalogLinks;
    const readAt = Date.now();
    try {
      links = await readCatalogDependsOn(services, { declarations: config.drift.enabled });
    } catch (error) {
      logger.warn(`ECS networking sync: could not read catalog dependsOn, keeping the last answer: ${error}`);
      return;
    }
    await store.saveCatalogLinks(links, readAt);
  }
}
