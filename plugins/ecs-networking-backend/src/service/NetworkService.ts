import {
  analyzeNetwork,
  createLookupIndex,
  LookupIndex,
  NetworkModel,
  ScopeSnapshot,
  ScopeStatus,
  TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SnapshotStore } from '../store/SnapshotStore';
import { buildIndexes, NetworkIndexes } from './networkIndexes';

export interface NetworkView {
  generation: number;
  statuses: ScopeStatus[];
  snapshots: ScopeSnapshot[];
  model: NetworkModel;
  lookup: LookupIndex;
  indexes: NetworkIndexes;
}

/** How long a replica trusts its cached view before asking the store. */
const RECHECK_MS = 1000;
/** Catalog relations change without a sync; re-read them this often. */
const CATALOG_TTL_MS = 5 * 60 * 1000;

/** Reads declared dependencies: service ARN → ARNs it depends on. */
export type CatalogDependsOnReader = (
  services: Array<{ arn: string; component?: string }>,
) => Promise<Record<string, string[]>>;

/**
 * Serves the analyzed network from the store. The analysis is cached and
 * rebuilt only when the store's generation moves, which any replica's sync
 * bumps, so every replica answers from the same data.
 */
export class NetworkService {
  private view?: NetworkView;
  private checkedAt = 0;
  private pending?: Promise<NetworkView>;
  private catalog?: { readAt: number; dependsOn: Record<string, string[]> };

  constructor(
    private readonly store: SnapshotStore,
    private readonly tagKeys: TagKeys,
    private readonly options: {
      readCatalogDependsOn?: CatalogDependsOnReader;
      logger?: LoggerService;
    } = {},
  ) {}

  async current(): Promise<NetworkView> {
    if (this.view && performance.now() - this.checkedAt < RECHECK_MS) {
      return this.view;
    }
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async refresh(): Promise<NetworkView> {
    const generation = await this.store.generation();
    this.checkedAt = performance.now();
    const catalogDue =
      !!this.options.readCatalogDependsOn &&
      (!this.catalog || this.checkedAt - this.catalog.readAt > CATALOG_TTL_MS);
    if (this.view?.generation === generation && !catalogDue) return this.view;
    const stored = await this.store.list();
    const snapshots = stored.flatMap(s => (s.snapshot ? [s.snapshot] : []));
    const catalogDependsOn = await this.catalogDependsOn(snapshots, catalogDue);
    const model = analyzeNetwork(snapshots, { tagKeys: this.tagKeys, catalogDependsOn });
    this.view = {
      generation,
      statuses: stored.map(s => s.status),
      snapshots,
      model,
      lookup: createLookupIndex(model, snapshots),
      indexes: buildIndexes(snapshots, model),
    };
    return this.view;
  }

  /** Catalog trouble never blocks the network: the last answer, or none, is used. */
  private async catalogDependsOn(snapshots: ScopeSnapshot[], due: boolean) {
    const read = this.options.readCatalogDependsOn;
    if (read && due) {
      const services = snapshots.flatMap(s =>
        s.services.map(svc => ({ arn: svc.arn, component: svc.tags[this.tagKeys.component] })),
      );
      try {
        this.catalog = { readAt: this.checkedAt, dependsOn: await read(services) };
      } catch (error) {
        this.options.logger?.warn(`ECS networking: could not read catalog dependsOn: ${error}`);
        this.catalog = { readAt: this.checkedAt, dependsOn: this.catalog?.dependsOn ?? {} };
      }
    }
    return this.catalog?.dependsOn;
  }
}
