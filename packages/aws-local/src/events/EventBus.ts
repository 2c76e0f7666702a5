import type { Partition } from '../world/Partition';
import { SqsQueue } from '../sqs/SqsQueue';
import { SqsQueues } from '../sqs/SqsQueues';
import { createRandom } from '../util/random';
import { ApiCall, cloudTrailEvent } from './cloudTrailEvents';
import { EcsEventSource } from './ecsEvents';
import { EventBridgeEvent } from './eventEnvelope';
import { EventFaultConfig, NO_EVENT_FAULTS, validateEventFaults } from './eventFaults';

/** What happened to the events since start. @public */
export interface EventStats {
  /** Events the control planes and API calls produced. */
  emitted: number;
  /** Messages put on target queues (a duplicate counts twice). */
  delivered: number;
  dropped: number;
  duplicated: number;
  delayed: number;
  reordered: number;
}

/** The sender SQS reports for messages EventBridge delivers. */
const EVENTBRIDGE_SENDER = 'AIDAEVENTBRIDGE000001';
/** A held-back event goes out after the next one, or after this long alone. */
const REORDER_WINDOW_MS = 1000;

/**
 * EventBridge as the local endpoint plays it: every account × region's
 * events reach the target queues, as if a rule on each default bus
 * forwarded `aws.ecs` and `aws.servicediscovery` events to one central
 * bus whose rule targets the queues. Events keep the account and region
 * they happened in. Faults drop, duplicate, delay and reorder them.
 */
export class EventBus {
  private readonly targets = new Map<string, SqsQueue>();
  private faults: EventFaultConfig = { ...NO_EVENT_FAULTS };
  private random = createRandom(NO_EVENT_FAULTS.seed);
  private held?: { event: EventBridgeEvent; timer: NodeJS.Timeout };
  private readonly listeners = new Set<(event: EventBridgeEvent) => void>();
  private readonly counts: EventStats = {
    emitted: 0,
    delivered: 0,
    dropped: 0,
    duplicated: 0,
    delayed: 0,
    reordered: 0,
  };

  constructor(private readonly queues: SqsQueues) {}

  /** Delivers every later event to the queue an ARN names, creating it if needed. */
  addTarget(queueArn: string): SqsQueue {
    const queue = this.queues.ensure(queueArn);
    this.targets.set(queue.arn, queue);
    return queue;
  }

  targetArns(): string[] {
    return [...this.targets.keys()];
  }

  /** Hears the changes of a partition's ECS control plane. */
  watch(partition: Partition): void {
    partition.ecs.sink = new EcsEventSource(partition.ecs, event => this.put(event));
  }

  /** A successful API call: CloudTrail's event for it, if it records one. */
  apiCalled(call: ApiCall): void {
    if (this.targets.size === 0) return;
    const event = cloudTrailEvent(call);
    if (event) this.put(event);
  }

  faultConfig(): EventFaultConfig {
    return { ...this.faults };
  }

  setFaults(partial: Partial<EventFaultConfig>): EventFaultConfig {
    this.faults = { ...this.faults, ...validateEventFaults(partial) };
    if (partial.seed !== undefined) this.random = createRandom(this.faults.seed);
    return this.faultConfig();
  }

  /**
   * Calls `listener` with each event as it is put on the queues (after
   * faults: a duplicate twice, a dropped one never), for in-process
   * observers; returns the way to stop.
   */
  onDelivery(listener: (event: EventBridgeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stats(): EventStats {
    return { ...this.counts };
  }

  put(event: EventBridgeEvent): void {
    if (this.targets.size === 0) return;
    this.counts.emitted++;
    const draw = (rate: number) => rate > 0 && this.random() < rate;
    if (draw(this.faults.dropRate)) {
      this.counts.dropped++;
      return;
    }
    const copies = draw(this.faults.duplicateRate) ? 2 : 1;
    if (copies === 2) this.counts.duplicated++;
    const delayMs = draw(this.faults.delayRate) ? this.faults.delayMs : 0;
    if (delayMs > 0) this.counts.delayed++;
    const release = this.held;
    this.held = undefined;
    if (!release && draw(this.faults.reorderRate)) {
      this.counts.reordered++;
      const timer = setTimeout(() => this.flushHeld(), REORDER_WINDOW_MS).unref();
      this.held = { event, timer };
      return;
    }
    for (let i = 0; i < copies; i++) this.deliver(event, delayMs);
    if (release) {
      clearTimeout(release.timer);
      this.deliver(release.event, 0);
    }
  }

  private flushHeld(): void {
    const held = this.held;
    this.held = undefined;
    if (held) this.deliver(held.event, 0);
  }

  private deliver(event: EventBridgeEvent, delayMs: number): void {
    const body = JSON.stringify(event);
    for (const queue of this.targets.values()) {
      queue.send(body, { delaySeconds: delayMs / 1000, senderId: EVENTBRIDGE_SENDER });
      this.counts.delivered++;
    }
    for (const listener of this.listeners) listener(event);
  }
}
