import type { EcsNetworkingClient } from '@ecs-net/plugin-ecs-networking-common';
import type { LiveNetwork } from '../plan/types';

/** Where the actions read live state from. */
export interface LiveNetworkSource {
  load(): Promise<LiveNetwork>;
}

/**
 * Reads live state from the ecs-networking backend plugin over its HTTP API
 * (through `ecsNetworkingServiceRef`, as the scaffolder), as Backstage
 * plugins talk to each other. The actions need no AWS access of their own.
 */
export class HttpLiveNetworkSource implements LiveNetworkSource {
  constructor(private readonly client: EcsNetworkingClient) {}

  async load(): Promise<LiveNetwork> {
    const { generation, scopes, snapshots } = await this.client.getSnapshots();
    return { generation, statuses: scopes, snapshots };
  }
}
