import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { EcsNetworkingClient } from '@ecs-net/plugin-ecs-networking-common';
import type { LiveNetwork } from '../plan/types';

/** Where the actions read live state from. */
export interface LiveNetworkSource {
  load(): Promise<LiveNetwork>;
}

/**
 * Reads live state from the ecs-networking backend plugin over its HTTP API
 * with a service token, as Backstage plugins talk to each other. The actions
 * need no AWS access of their own.
 */
export class HttpLiveNetworkSource implements LiveNetworkSource {
  private readonly auth: AuthService;
  private readonly client: EcsNetworkingClient;

  constructor(deps: { discovery: DiscoveryService; auth: AuthService }) {
    this.auth = deps.auth;
    this.client = new EcsNetworkingClient({ discoveryApi: deps.discovery });
  }

  async load(): Promise<LiveNetwork> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'ecs-networking',
    });
    const { generation, scopes, snapshots } = await this.client.getSnapshots({
      token,
    });
    return { generation, statuses: scopes, snapshots };
  }
}
