import type { TagKeys } from '@ecs-net/plugin-ecs-networking-common';
import type { HistoryStore } from '../history/HistoryStore';
import type { NetworkAccess } from '../queries/access';
import type { NetworkService } from '../service/NetworkService';

/** What the actions answer from: the same view, history and access rules as the HTTP routes. */
export interface ActionDeps {
  network: NetworkService;
  history: HistoryStore;
  access: NetworkAccess;
  /** Owner of services without a valid owner tag. */
  defaultOwner: string;
  tagKeys: TagKeys;
}
