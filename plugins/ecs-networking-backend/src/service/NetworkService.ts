import {
  analyzeNetwork,
  createLookupIndex,
  DriftInput,
  LiveNetwork,
  LookupIndex,
  NetworkModel,
  ScopeStatus,
  TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import type { EdgeSightingsStore } from '../history/EdgeSightingsStore';
import type { CatalogLinks } from './catalogDependencies';
import type { SnapshotStore } from '../store/SnapshotStore';
import { buildIndexes, NetworkIndexes } from './networkIndexes';

export interface NetworkView {
  generation: number;
  statuses: ScopeStatus[];
  model: NetworkModel;
  lookup: LookupIndex;
  indexes: NetworkIndexes;
}

/** How long a replica trusts its cached view before asking the store about other replicas' writes. */
const RECHECK_MS = 1000;

/**
 * Serves the analyzed network from the store. The analysis is cached and
 * rebuilt only when the store's generation moves, which any replica's sync
 * bumps. Its every input (snapshots, what the catalog declared, when calls
 * were last seen) is in the store, so every replica answers the same; only
 * the moment drift measures its wait from is each view's own, so a declared
 * call that crosses the wait between two replicas' rebuilds shows on one of
 * them until the next generation (a sync at the latest).
 */
export class NetworkService {
  private view?: NetworkView;
  private live?: LiveNetwork;
  private checkedAt = 0;
  private seenWrites = 0;
  private pending?: Promise<NetworkView>;

  constructor(
    private readonly store: SnapshotStore,
    private readonly tagKeys: TagKeys,
    /** Drift's sightings and wait; without it, no drift findings. */
    private readonly drift?: { sightings: EdgeSightingsStore; notObservedAfterMs: number },
  ) {}

  async current(): Promise<NetworkView> {
    if (
      this.view &&
      performance.now() - this.checkedAt < RECHECK_MS &&
      this.store.committedWrites === this.seenWrites
    ) {
      return this.view;
    }
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Raw snapshots are served from the store, page by page; the view keeps none. */
  async snapshots(offset: number, limit: number) {
    const [generation, page] = await Promise.all([
      this.store.generation(),
      this.store.page(offset, limit),
    ]);
    return { generation, ...page };
  }

  /**
   * The stored snapshots as a plan check takes them, kept while the
   * generation stays: the check's baseline analysis is cached per live
   * network, so plans checked against one generation cost one analysis.
   * Unlike the view, this holds the snapshots, so it is built only once a
   * plan is checked.
   */
  async liveNetwork(): Promise<LiveNetwork> {
    const generation = await this.store.generation();
    if (this.live?.generation === generation) return this.live;
    const stored = await this.store.list();
    this.live = {
      generation,
      statuses: stored.map(s => s.status),
      snapshots: stored.flatMap(s => (s.snapshot ? [s.snapshot] : [])),
    };
    return this.live;
  }

  private async refresh(): Promise<NetworkView> {
    this.seenWrites = this.store.committedWrites;
    const generation = await this.store.generation();
    this.checkedAt = performance.now();
    if (this.view?.generation === generation) return this.view;
    const stored = await this.store.list();
    const links = await this.store.catalogLinks();
    const snapshots = stored.flatMap(s => (s.snapshot ? [s.snapshot] : []));
    const model = analyzeNetwork(snapshots, {
      tagKeys: this.tagKeys,
      catalogDependsOn: links?.dependsOn,
      catalogMissingComponents: links?.missingComponents,
      drift: await this.driftInput(links),
    });
    this.view = {
      generation,
      statuses: stored.map(s => s.status),
      model,
      lookup: createLookupIndex(model, snapshots),
      indexes: buildIndexes(snapshots, model),
    };
    return this.view;
  }

  /**
   * What drift compares with, as of now: the catalog's declarations read by
   * the last sync, and when each call was last seen. A call seen at the last
   * recording and not in this generation went just now.
   */
  private async driftInput(links: CatalogLinks | undefined): Promise<DriftInput | undefined> {
    if (!this.drift || !links?.components) return undefined;
    const now = new Date().toISOString();
    const { watchedSince, lastSeen } = await this.drift.sightings.read();
    return {
      components: links.components,
      entityRefs: links.entityRefs ?? {},
      lastObserved: Object.fromEntries([...lastSeen].map(([pair, at]) => [pair, at ?? now])),
      watchedSince: watchedSince ?? now,
      now,
      notObservedAfterMs: this.drift.notObservedAfterMs,
    };
  }
}
