import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { EcsNetworkingClient } from '@ecs-net/plugin-ecs-networking-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { buildEntities, BuildOptions } from './buildEntities';
import { readProviderConfig } from './readProviderConfig';

/** How `refresh` applies the model. */
export interface EcsNetworkingRefreshOptions {
  force?: boolean;
  delta?: boolean;
}

/**
 * Publishes the ECS network as catalog entities. It reads the model from the
 * ecs-networking backend plugin over HTTP (plugins talk through their APIs).
 * Its schedule and full syncs replace its entities with a full mutation (the
 * reconciliation); updates from AWS change events apply a delta mutation of
 * only the entities that changed, so one restarted task or one new service
 * is not thousands of entities for the catalog to process again.
 *
 * Losing data is worse than showing old data: when the plugin cannot be
 * reached, or has not finished a first sync, no mutation is applied and the
 * catalog keeps what it had. Accounts whose last read failed are still in the
 * model (from their last good snapshot), so their entities stay.
 */
export class EcsNetworkingEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private lastGeneration?: number;
  /** What the last mutation left in the catalog: entity ref → its JSON. */
  private applied?: Map<string, string>;
  /** The refresh being applied. */
  private running?: Promise<void>;
  /** What was asked for while it ran: one refresh after it, for every caller. */
  private queued?: {
    options: EcsNetworkingRefreshOptions;
    done: Promise<void>;
  };

  /**
   * The provider `catalog.providers.ecsNetworking` configures (see
   * `readProviderConfig`), reading the model through `client`
   * (`ecsNetworkingServiceRef`, which authenticates as the catalog).
   */
  static fromConfig(
    config: Config,
    deps: {
      logger: LoggerService;
      scheduler: SchedulerService;
      client: EcsNetworkingClient;
    },
  ): EcsNetworkingEntityProvider {
    const { schedule, createComponents, defaultOwner } =
      readProviderConfig(config);
    return new EcsNetworkingEntityProvider({
      logger: deps.logger,
      client: deps.client,
      taskRunner: deps.scheduler.createScheduledTaskRunner(schedule),
      build: { createComponents, defaultOwner },
    });
  }

  private constructor(
    private readonly deps: {
      logger: LoggerService;
      client: EcsNetworkingClient;
      taskRunner: SchedulerServiceTaskRunner;
      build: Omit<BuildOptions, 'providerName'>;
    },
  ) {}

  getProviderName(): string {
    return 'ecs-networking';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.deps.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.refresh(),
    });
  }

  /**
   * Fetches the model and applies it; `force` re-applies an unchanged
   * generation. `delta` applies only the entities that differ from the last
   * mutation (a full one when there was none yet).
   *
   * One refresh runs at a time. A burst of change events asks for one
   * refresh each, and each reads the whole model: run side by side they
   * would compete for the CPU and could apply an older generation after a
   * newer one. Requests made while one runs are merged into a single
   * refresh after it (full if any asked for full), which reads the model
   * as it is by then.
   */
  refresh(options: EcsNetworkingRefreshOptions = {}): Promise<void> {
    if (this.queued) {
      const wanted = this.queued.options;
      wanted.force = wanted.force || options.force;
      wanted.delta = wanted.delta && options.delta;
      return this.queued.done;
    }
    if (this.running) {
      const queued = { options: { ...options }, done: Promise.resolve() };
      queued.done = this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = undefined;
          return this.start(queued.options);
        });
      this.queued = queued;
      return queued.done;
    }
    return this.start(options);
  }

  private start(options: EcsNetworkingRefreshOptions): Promise<void> {
    const run = this.apply(options);
    this.running = run;
    run
      .catch(() => undefined)
      .then(() => {
        if (this.running === run) this.running = undefined;
      });
    return run;
  }

  private async apply(options: EcsNetworkingRefreshOptions): Promise<void> {
    if (!this.connection) {
      throw new Error('EcsNetworkingEntityProvider is not connected yet');
    }
    const network = await this.deps.client.getNetwork();
    if (network.generation === 0) {
      this.deps.logger.info(
        'ECS networking has not synced yet; catalog left as it is',
      );
      return;
    }
    if (!options.force && network.generation === this.lastGeneration) return;
    const entities = buildEntities(network, {
      ...this.deps.build,
      providerName: this.getProviderName(),
    });
    const locationKey = `ecs-networking:${this.getProviderName()}`;
    const next = new Map(
      entities.map(entity => [
        stringifyEntityRef(entity),
        JSON.stringify(entity),
      ]),
    );
    const previous = this.applied;
    if (options.delta && previous) {
      const added = entities.filter(entity => {
        const ref = stringifyEntityRef(entity);
        return previous.get(ref) !== next.get(ref);
      });
      const removed = [...previous.keys()].filter(ref => !next.has(ref));
      if (added.length || removed.length) {
        await this.connection.applyMutation({
          type: 'delta',
          added: added.map(entity => ({ entity, locationKey })),
          removed: removed.map(entityRef => ({ entityRef, locationKey })),
        });
      }
      this.deps.logger.info(
        `ECS networking: updated ${added.length} and removed ${removed.length} of ${entities.length} entities`,
      );
    } else {
      await this.connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({ entity, locationKey })),
      });
      this.deps.logger.info(
        `ECS networking: published ${entities.length} entities`,
      );
    }
    this.applied = next;
    this.lastGeneration = network.generation;
  }
}
