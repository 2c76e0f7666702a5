import { seedEstate } from './estate/seedEstate';
import { DEMO_ESTATE_PATH, loadEstateFile } from './estate/loadEstate';
import { Estate } from './estate/types';
import type { EventBridgeEvent } from './events/eventEnvelope';
import type { EventStats } from './events/EventBus';
import type { EventFaultConfig } from './events/eventFaults';
import { CallAttempt, CallCount, CallCounter } from './faults/CallCounter';
import { FaultConfig, FaultInjector } from './faults/FaultInjector';
import { QuotaOverrides, Throttler } from './quotas/Throttler';
import { LocalAwsServer } from './server/LocalAwsServer';
import { queueUrl } from './sqs/SqsQueues';
import { World } from './world/World';

/** @public */
export interface LocalAwsOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Estates to seed, in order: objects, or paths of YAML files. Defaults to
   * the demo estate.
   */
  estate?: Estate | string | Array<Estate | string>;
  /** Enforces the published API quotas (same as `faults.throttle`). */
  throttle?: boolean;
  faults?: Partial<FaultConfig>;
  /** Replaces the bucket sizes of some API families, e.g. to keep tests short. */
  quotas?: QuotaOverrides;
  /**
   * SQS queue ARNs that receive every ECS and Cloud Map event of every
   * account × region, as EventBridge rules would deliver them; each queue
   * is created if missing.
   */
  eventQueues?: string[];
  eventFaults?: Partial<EventFaultConfig>;
}

/** @public */
export interface LocalAws {
  /** `http://127.0.0.1:PORT`, the value for AWS_ENDPOINT_URL. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Calls per account × region × operation since start or the last reset. */
  calls(): CallCount[];
  /**
   * Every request since start or the last reset, in arrival order (the
   * latest 10,000): which call each retry belongs to, and how it was answered.
   */
  attempts(): CallAttempt[];
  /** Zeroes `calls()` and empties `attempts()`. */
  resetCalls(): void;
  faults(): FaultConfig;
  setFaults(partial: Partial<FaultConfig>): FaultConfig;
  /** The URL of each event queue on this endpoint, in `eventQueues` order. */
  eventQueueUrls: string[];
  eventStats(): EventStats;
  /**
   * Calls `listener` with every event put on the event queues (a duplicate
   * twice, a dropped one never); returns the way to stop. For observers in
   * the same process: consumers read the queues.
   */
  onEvent(listener: (event: EventBridgeEvent) => void): () => void;
  setEventFaults(partial: Partial<EventFaultConfig>): EventFaultConfig;
}

/**
 * Starts the local AWS endpoint on 127.0.0.1 and resolves once it accepts
 * connections.
 *
 * @public
 */
export async function startLocalAws(
  options: LocalAwsOptions = {},
): Promise<LocalAws> {
  const world = new World();
  const estates =
    options.estate === undefined ? [DEMO_ESTATE_PATH] : [options.estate].flat();
  for (const estate of estates) {
    seedEstate(
      world,
      typeof estate === 'string' ? loadEstateFile(estate) : estate,
    );
  }
  const faults = new FaultInjector({
    ...options.faults,
    ...(options.throttle !== undefined ? { throttle: options.throttle } : {}),
  });
  const counter = new CallCounter();
  const throttler = new Throttler(options.quotas);
  const server = new LocalAwsServer({ world, faults, counter, throttler });
  const port = await server.listen(options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  const eventQueues = (options.eventQueues ?? []).map(arn => world.events.addTarget(arn));
  world.events.setFaults(options.eventFaults ?? {});
  return {
    url,
    port,
    close: () => server.close(),
    calls: () => counter.snapshot(),
    attempts: () => counter.attempts(),
    resetCalls: () => counter.reset(),
    faults: () => faults.config,
    setFaults: partial => {
      const before = faults.config.throttle;
      const config = faults.update(partial);
      if (config.throttle && !before) throttler.reset();
      return config;
    },
    eventQueueUrls: eventQueues.map(queue => queueUrl(url, queue)),
    eventStats: () => world.events.stats(),
    onEvent: listener => world.events.onDelivery(listener),
    setEventFaults: partial => world.events.setFaults(partial),
  };
}
