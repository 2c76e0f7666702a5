import type {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { EcsNetworkingClient } from '@ecs-net/plugin-ecs-networking-common';
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
   * `readProviderConfig`), reading the model with a service token.
   */
  static fromConfig(
    config: Config,
    deps: {
      logger: LoggerService;
      scheduler: SchedulerService;
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ): EcsNetworkingEntityProvider {
    const { schedule, createComponents, defaultOwner } = readProviderConfig(config);
    return new EcsNetworkingEntityProvider({
      logger: deps.logger,
      auth: deps.auth,
      client: new EcsNetworkingClient({ discoveryApi: deps.discovery }),
      taskRunner: deps.scheduler.createScheduledTaskRunner(schedule),
      build: { createComponents, defaultOwner },
    });
  }

  private constructor(
    private readonly deps: {
      logger: LoggerService;
      auth: AuthService;
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
    const { auth, client } = this.deps;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'ecs-networking',
    });
    const network = await client.getNetwork({ token });
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
