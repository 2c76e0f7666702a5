import type { LoggerService } from '@backstage/backend-plugin-api';
import { ChangeTrigger, networkFacts, observedPairs } from '@ecs-net/plugin-ecs-networking-common';
import type { NetworkService } from '../service/NetworkService';
import type { EdgeSightingsStore } from './EdgeSightingsStore';
import type { HistoryStore } from './HistoryStore';

/**
 * Records the network's change after each write that can change it (a
 * full sync, an event-driven re-read): the analysed view of the store's
 * current generation, diffed against the last recorded one, and (for
 * drift) which calls it observes. Recordings run
 * one at a time; history trouble is logged and never fails the write that
 * asked for it (the next recording diffs against the last one stored).
 */
export class HistoryRecorder {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      store: HistoryStore;
      network: NetworkService;
      logger: LoggerService;
      /** Where drift's sightings go, and how long an unseen call is remembered; none when drift is off. */
      sightings?: { store: EdgeSightingsStore; keepMs: number };
    },
  ) {}

  get store(): HistoryStore {
    return this.options.store;
  }

  record(trigger: ChangeTrigger): Promise<void> {
    const next = this.queue.then(() => this.recordNow(trigger));
    this.queue = next;
    return next;
  }

  private async recordNow(trigger: ChangeTrigger): Promise<void> {
    const { store, network, logger, sightings } = this.options;
    try {
      const view = await network.current();
      const facts = networkFacts(view.model, { desiredCounts: view.indexes.desiredCounts });
      const now = new Date();
      const changes = await store.record(view.generation, facts, trigger, now);
      // Only the replica that recorded the generation records its sightings.
      if (changes && sightings) {
        await sightings.store.record(observedPairs(view.model.edges), now, sightings.keepMs);
      }
      if (changes?.length) {
        logger.info(
          `ECS networking history: generation ${view.generation} (${trigger}) recorded ${changes.length} change(s)`,
        );
      }
    } catch (error) {
      logger.warn(`ECS networking history: a generation's changes were not recorded: ${error}`);
    }
  }
}
