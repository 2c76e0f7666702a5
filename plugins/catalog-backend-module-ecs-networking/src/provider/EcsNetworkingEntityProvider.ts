import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import type { EcsNetworkingClient } from '@ecs-net/plugin-ecs-networking-common';
import { buildEntities, BuildOptions } from './buildEntities';
import { readProviderConfig } from './readProviderConfig';

/**
 * Publishes the ECS network as catalog entities. It reads the model from the
 * ecs-networking backend plugin over HTTP (plugins talk through their APIs),
 * and replaces its entities with a full mutation each run.
 *
 * Losing data is worse than showing old data: when the plugin cannot be
 * reached, or has not finished a first sync, no mutation is applied and the
 * catalog keeps what it had. Accounts whose last read failed are still in the
 * model (from their last good snapshot), so their entities stay.
 */
export class EcsNetworkingEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private lastGeneration?: number;

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
    const { schedule, createComponents, defaultOwner } = readProviderConfig(config);
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

  /** Fetches the model and applies it; `force` re-applies an unchanged generation. */
  async refresh(options: { force?: boolean } = {}): Promise<void> {
    if (!this.connection) {
      throw new Error('EcsNetworkingEntityProvider is not connected yet');
    }
    const network = await this.deps.client.getNetwork();
    if (network.generation === 0) {
      this.deps.logger.info('ECS networking has not synced yet; catalog left as it is');
      return;
    }
    if (!options.force && network.generation === this.lastGeneration) return;
    const entities = buildEntities(network, {
      ...this.deps.build,
      providerName: this.getProviderName(),
    });
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: `ecs-networking:${this.getProviderName()}`,
      })),
    });
    this.lastGeneration = network.generation;
    this.deps.logger.info(`ECS networking: published ${entities.length} entities`);
  }
}
