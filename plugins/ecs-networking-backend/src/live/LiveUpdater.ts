import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  SNAPSHOT_UPDATED_TOPIC,
  SnapshotUpdatedPayload,
} from '@ecs-net/plugin-ecs-networking-common';
import type { EstateReader } from '@ecs-net/plugin-ecs-networking-node';
import type { EcsNetworkingConfig } from '../config';
import type { HistoryRecorder } from '../history/HistoryRecorder';
import type { SnapshotStore } from '../store/SnapshotStore';
import { eventTargets } from './awsEventTargets';

/** What the live updates did since start. */
export interface LiveStats {
  /** AWS events received on the configured topics. */
  received: number;
  /** Events whose id was seen before (at-least-once delivery): not read again. */
  duplicates: number;
  /** Events of accounts or regions not configured: never read. */
  unconfiguredScope: number;
  /** Events that name nothing read here, or are no ECS or Cloud Map event. */
  irrelevant: number;
  /** Re-reads stored, and those of them that changed a service. */
  refreshes: number;
  changed: number;
  /** Re-reads that failed (the next event or the full sync catches up). */
  failed: number;
  /** AWS calls the re-reads made, failed ones included. */
  awsCalls: number;
}

/** Ids remembered to recognise duplicate deliveries. */
const SEEN_IDS = 10_000;
/** Events arriving this close together are read together: one DescribeServices for ten services. */
const BATCH_MS = 20;

const scopeKey = (scope: { accountId: string; region: string }) =>
  `${scope.accountId}/${scope.region}`;

/**
 * Keeps the stored snapshots current between full syncs from AWS change
 * events (EventBridge → SQS → the events service): each event names the
 * services it touches; they are re-read, paced with the full syncs, and
 * laid over the stored snapshot as a new generation. Reads of a scope run
 * one after another; events meanwhile are gathered for the next.
 */
export class LiveUpdater {
  private readonly counts: LiveStats = {
    received: 0,
    duplicates: 0,
    unconfiguredScope: 0,
    irrelevant: 0,
    refreshes: 0,
    changed: 0,
    failed: 0,
    awsCalls: 0,
  };
  private readonly seen = new Set<string>();
  /** Per scope: the ECS service ARNs and Cloud Map service ids to read next. */
  private readonly pending = new Map<string, { serviceArns: Set<string>; cloudMapServiceIds: Set<string> }>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly options: {
      config: EcsNetworkingConfig;
      reader: EstateReader;
      store: SnapshotStore;
      logger: LoggerService;
      events?: EventsService;
      /** Records what a re-read changed in the network. */
      history?: HistoryRecorder;
    },
  ) {}

  /** Subscribes to `ecsNetworking.events.topics`; nothing when none is configured. */
  async subscribe(events: EventsService): Promise<void> {
    const topics = this.options.config.eventTopics;
    if (topics.length === 0) return;
    await events.subscribe({
      id: 'ecs-networking-live',
      topics,
      onEvent: params => this.handle(params.eventPayload),
    });
    this.options.logger.info(`ECS networking: live updates from events on ${topics.join(', ')}`);
  }

  stats(): LiveStats {
    return { ...this.counts };
  }

  /** Takes one AWS event; resolves once what it asked for is stored (or failed). */
  async handle(payload: unknown): Promise<void> {
    this.counts.received++;
    const targets = eventTargets(payload);
    if (targets.kind !== 'services') {
      this.counts.irrelevant++;
      return;
    }
    const scope = this.options.config.scopes.find(s => scopeKey(s) === scopeKey(targets));
    if (!scope) {
      this.counts.unconfiguredScope++;
      return;
    }
    if (targets.id) {
      if (this.seen.has(targets.id)) {
        this.counts.duplicates++;
        return;
      }
      this.seen.add(targets.id);
      if (this.seen.size > SEEN_IDS) this.seen.delete(this.seen.values().next().value!);
    }
    const key = scopeKey(scope);
    const wanted = this.pending.get(key) ?? { serviceArns: new Set(), cloudMapServiceIds: new Set() };
    targets.serviceArns.forEach(arn => wanted.serviceArns.add(arn));
    targets.cloudMapServiceIds.forEach(id => wanted.cloudMapServiceIds.add(id));
    this.pending.set(key, wanted);
    await this.drain(key);
  }

  /** Re-reads the scope's pending services once the read in progress (if any) is done. */
  private drain(key: string): Promise<void> {
    const previous = this.running.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      await new Promise(resolve => setTimeout(resolve, BATCH_MS));
      const wanted = this.pending.get(key);
      this.pending.delete(key);
      if (wanted) await this.refresh(key, [...wanted.serviceArns], [...wanted.cloudMapServiceIds]);
    });
    this.running.set(key, next);
    next.finally(() => {
      if (this.running.get(key) === next) this.running.delete(key);
    });
    return next;
  }

  private async refresh(key: string, serviceArns: string[], cloudMapServiceIds: string[]): Promise<void> {
    const { config, reader, store, logger, events, history } = this.options;
    const scope = config.scopes.find(s => scopeKey(s) === key)!;
    const base = await store.snapshotOf(scope);
    // Not read yet: the first full sync reads these services anyway.
    if (!base) return;
    const result = await reader.refreshServices(scope, base, serviceArns, {
      context: async updated => [updated, ...(await store.snapshotsExcept([scope]))],
      cloudMapServiceIds,
    });
    this.counts.awsCalls += result.stats.total();
    if (!result.refresh) {
      this.counts.failed++;
      logger.warn(
        `ECS networking live update: ${key} not re-read, the next event or sync catches up: ${result.error}`,
      );
      return;
    }
    const { changed } = await store.applyRefresh(scope, result.refresh);
    this.counts.refreshes++;
    if (!changed) return;
    this.counts.changed++;
    logger.info(
      `ECS networking live update: ${key} re-read ${serviceArns.length} service(s) ` +
        `and ${cloudMapServiceIds.length} Cloud Map service(s), ` +
        `${result.stats.total()} AWS calls, ${result.durationMs} ms`,
    );
    await history?.record('events');
    const payload: SnapshotUpdatedPayload = {
      trigger: 'events',
      scopes: [{ accountId: scope.accountId, region: scope.region }],
      services: serviceArns,
    };
    await events?.publish({ topic: SNAPSHOT_UPDATED_TOPIC, eventPayload: payload });
  }
}
