import type {
  EcsNetworkingClient,
  LiveNetwork,
} from '@ecs-net/plugin-ecs-networking-common';

/** Where the actions read live state from. */
export interface LiveNetworkSource {
  load(): Promise<LiveNetwork>;
}

/**
 * Reads live state from the ecs-networking backend plugin over its HTTP API
 * (through `ecsNetworkingServiceRef`, as the scaffolder), as Backstage
 * plugins talk to each other. The actions need no AWS access of their own.
 *
 * The last read is kept while the store's generation stays the same: equal
 * generations mean equal data, so the status call alone tells whether the
 * snapshots must be read again. Handing out the same object also keeps the
 * plan checks' baseline analysis, which is cached per live network.
 */
export class HttpLiveNetworkSource implements LiveNetworkSource {
  private last?: LiveNetwork;

  constructor(
    private readonly client: Pick<
      EcsNetworkingClient,
      'getStatus' | 'getSnapshots'
    >,
  ) {}

  async load(): Promise<LiveNetwork> {
    if (this.last) {
      const { generation } = await this.client.getStatus();
      if (generation === this.last.generation) return this.last;
    }
    const { generation, scopes, snapshots } = await this.client.getSnapshots();
    this.last = { generation, statuses: scopes, snapshots };
    return this.last;
  }
}
