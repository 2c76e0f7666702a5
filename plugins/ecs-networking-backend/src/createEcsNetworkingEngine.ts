import type {
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EventsService } from '@backstage/plugin-events-node';
import type express from 'express';
import { EstateReader } from '@ecs-net/plugin-ecs-networking-node';
import { EcsNetworkingConfig, readEcsNetworkingConfig } from './config';
import { EdgeSightingsStore } from './history/EdgeSightingsStore';
import { HistoryRecorder } from './history/HistoryRecorder';
import { HistoryStore } from './history/HistoryStore';
import { LiveUpdater } from './live/LiveUpdater';
import { createRouter } from './router/createRouter';
import type { CatalogDependsOnReader } from './service/catalogDependencies';
import { NetworkService } from './service/NetworkService';
import { SnapshotStore } from './store/SnapshotStore';
import { SyncEngine } from './sync/SyncEngine';

/**
 * What the engine needs from a backend.
 *
 * @public
 */
export interface EcsNetworkingEngineOptions {
  config: RootConfigService;
  database: DatabaseService;
  logger: LoggerService;
  /** Where each new generation is announced; without it nothing is announced. */
  events?: EventsService;
  /** What catalog entities declare for each linked service; without it nothing is declared. */
  readCatalogDependsOn?: CatalogDependsOnReader;
}

/**
 * The plugin's working parts, wired once: the settings read from
 * `ecsNetworking`, the snapshot store, the sync engine and the analyzed view.
 *
 * @public
 */
export interface EcsNetworkingEngine {
  settings: EcsNetworkingConfig;
  store: SnapshotStore;
  sync: SyncEngine;
  /** Re-reads what AWS change events name; `subscribe` it to the events service. */
  live: LiveUpdater;
  network: NetworkService;
  /** What changed in the network, generation by generation. */
  history: HistoryStore;
  /** The plugin's HTTP API over this engine's view. */
  router(deps: {
    catalog: CatalogService;
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
  }): express.Router;
}

/**
 * Builds the engine the plugin runs. The plugin schedules `sync.run` and
 * mounts `router`; tools that run the engine outside a backend (the
 * benchmarks) call the same function, so there is one wiring to measure.
 * Fails with a clear error on an invalid `ecsNetworking` value before anything
 * is read or stored.
 *
 * @public
 */
export async function createEcsNetworkingEngine(
  options: EcsNetworkingEngineOptions,
): Promise<EcsNetworkingEngine> {
  const { config, database, logger, events, readCatalogDependsOn } = options;
  const settings = readEcsNetworkingConfig(config);
  const store = await SnapshotStore.create(database);
  // One reader: full syncs and event-driven re-reads share each scope's pace
  // and task definition cache.
  const credentials = DefaultAwsCredentialsManager.fromConfig(config);
  const reader = new EstateReader({
    credentials,
    quotaShare: settings.quotaShare,
    concurrency: settings.concurrency,
    timeouts: settings.timeouts,
  });
  const sightings = settings.drift.enabled ? await EdgeSightingsStore.create(database) : undefined;
  const { notObservedAfterMs } = settings.drift;
  const network = new NetworkService(
    store,
    settings.tagKeys,
    sightings && { sightings, notObservedAfterMs },
  );
  const history = new HistoryRecorder({
    store: await HistoryStore.create(database, settings.history),
    network,
    logger,
    sightings: sightings && { store: sightings, keepMs: notObservedAfterMs },
  });
  const sync = new SyncEngine({
    config: settings,
    credentials,
    store,
    logger,
    events,
    readCatalogDependsOn,
    reader,
    history,
  });
  const live = new LiveUpdater({ config: settings, reader, store, logger, events, history });
  return {
    settings,
    store,
    sync,
    live,
    network,
    history: history.store,
    router: deps =>
      createRouter({ network, history: history.store, defaultOwner: settings.defaultOwner, ...deps }),
  };
}
