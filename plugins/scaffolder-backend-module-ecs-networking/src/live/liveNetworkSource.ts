import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import type {
  ScopeSnapshot,
  StatusResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import type { LiveNetwork } from '../plan/types';

/** Where the actions read live state from. */
export interface LiveNetworkSource {
  load(): Promise<LiveNetwork>;
}

interface SnapshotPage {
  generation: number;
  total: number;
  items: ScopeSnapshot[];
  nextOffset?: number;
}

const PAGE_SIZE = 100;

/**
 * Reads live state from the ecs-networking backend plugin over its HTTP API
 * with a service token, as Backstage plugins talk to each other. The actions
 * need no AWS access of their own.
 */
export class HttpLiveNetworkSource implements LiveNetworkSource {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async load(): Promise<LiveNetwork> {
    const { discovery, auth } = this.deps;
    const baseUrl = await discovery.getBaseUrl('ecs-networking');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'ecs-networking',
    });
    const get = async <T>(path: string): Promise<T> => {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
      } catch (error) {
        throw new ServiceUnavailableError(
          `Could not reach the ecs-networking plugin at ${baseUrl} to read live state: ${error}`,
        );
      }
      if (!response.ok) throw await ResponseError.fromResponse(response);
      // Parsed here rather than with response.json(), so the values belong
      // to this module's realm (the scaffolder's template engine refuses
      // arrays of another realm, as jest's sandbox would otherwise give it).
      return JSON.parse(await response.text()) as T;
    };

    // The store can move on between pages; start over when it does, so the
    // snapshots always belong to one generation.
    for (let attempt = 0; ; attempt++) {
      const status = await get<StatusResponse>('/status');
      const snapshots: ScopeSnapshot[] = [];
      let offset: number | undefined = 0;
      let generation = status.generation;
      let consistent = true;
      while (offset !== undefined) {
        const page: SnapshotPage = await get<SnapshotPage>(
          `/snapshots?offset=${offset}&limit=${PAGE_SIZE}`,
        );
        if (page.generation !== generation) {
          consistent = false;
          generation = page.generation;
        }
        snapshots.push(...page.items);
        offset = page.nextOffset;
      }
      if (consistent || attempt >= 2) {
        return { generation, statuses: status.scopes, snapshots };
      }
    }
  }
}
