import {
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { DEMO_SCOPES, demoAwsConfig } from '@ecs-net/aws-local';
import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';
// The module reads the snapshot the real ecs-networking plugin serves; its
// tests run the two together, as an app does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import ecsNetworkingPlugin from '@ecs-net/plugin-ecs-networking-backend';
import path from 'node:path';
import request from 'supertest';
import { catalogModuleEcsNetworking } from '../module/catalogModuleEcsNetworking';

export type Server = Parameters<typeof request>[0];

const DEMO_COMPONENTS = path.resolve(__dirname, '../../../../examples/components.yaml');

/** A type, not an interface, so that it stays assignable to config data. */
export type Schedule = {
  frequency: Record<string, number>;
  timeout: Record<string, number>;
  initialDelay?: Record<string, number>;
};

/**
 * One events service for every plugin, as in a real backend: the test
 * default gives each plugin its own, so the sync's event would never reach
 * the catalog module. Publishing awaits the subscribers.
 */
function sharedEvents() {
  const events = mockServices.events();
  return createServiceFactory({ service: eventsServiceRef, deps: {}, factory: () => events });
}

/**
 * The real catalog with the ecs-networking plugin and this module, reading
 * the demo estate from the local AWS endpoint (`startLocalAwsForSdk`).
 * Requests without a token stay anonymous (unlike the test default).
 */
export async function startCatalogBackend(options: {
  /** Of the sync and of the catalog provider. */
  schedule: Schedule;
  features?: BackendFeature[];
  /** Replaces settings of `ecsNetworking` (its accounts, say). */
  ecsNetworking?: Record<string, unknown>;
  /**
   * Keeps the ecs-networking plugin's database in a SQLite file in this
   * directory, so that
   * a backend started later over it continues from what this one stored: a
   * redeploy. The catalog's stays in memory (a stopped backend's catalog may
   * still hold its file locked). Default: in memory.
   */
  ecsNetworkingDatabaseDirectory?: string;
}) {
  return startTestBackend({
    features: [
      catalogPlugin,
      ecsNetworkingPlugin,
      catalogModuleEcsNetworking,
      sharedEvents(),
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.rootConfig.factory({
        data: {
          aws: demoAwsConfig(),
          ecsNetworking: {
            accounts: DEMO_SCOPES,
            schedule: options.schedule,
            ownership: { defaultOwner: 'group:default/platform-team' },
            ...options.ecsNetworking,
          },
          ...(options.ecsNetworkingDatabaseDirectory
            ? {
                backend: {
                  database: {
                    client: 'better-sqlite3',
                    connection: ':memory:',
                    plugin: {
                      'ecs-networking': {
                        // Backstage joins the filename to `directory` (default
                        // "."), so an absolute filename would land under the
                        // working directory.
                        connection: {
                          directory: options.ecsNetworkingDatabaseDirectory,
                          filename: 'ecs-networking.sqlite',
                        },
                      },
                    },
                  },
                },
              }
            : {}),
          catalog: {
            rules: [{ allow: ['Component', 'API', 'Resource', 'Location'] }],
            // The demo's hand-written Components, which component tags link to.
            locations: [{ type: 'file', target: DEMO_COMPONENTS }],
            processingInterval: { seconds: 1 },
            providers: { ecsNetworking: { schedule: options.schedule } },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
}

/**
 * A module that lets the test run the sync on demand. The test backend's
 * scheduler runs a task when triggered and resolves once it is done; the
 * sync's event refreshes the catalog before the sync returns, so each step
 * is complete on return.
 */
export function syncTrigger() {
  const trigger: { syncNow?: () => Promise<void> } = {};
  const feature = createBackendModule({
    pluginId: 'ecs-networking',
    moduleId: 'test-sync-trigger',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          trigger.syncNow = () => scheduler.triggerTask('ecs-networking:sync');
        },
      });
    },
  });
  return { feature, syncNow: () => trigger.syncNow!() };
}

export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 250));
  }
}

/** Every entity this module published. */
export async function ecsEntities(server: Server): Promise<Entity[]> {
  const res = await request(server)
    .get('/api/catalog/entities/by-query')
    .query({ filter: 'metadata.annotations.backstage.io/managed-by-location=ecs-networking:ecs-networking', limit: 500 })
    .set('authorization', mockCredentials.user.header());
  return res.body.items;
}

export function byTitle(entities: Entity[], kind: string, title: string) {
  return entities.filter(e => e.kind === kind && e.metadata.title === title);
}

/** The sync state of every account × region, from the plugin's /status. */
export async function scopeStatuses(server: Server): Promise<ScopeStatus[]> {
  const res = await request(server)
    .get('/api/ecs-networking/status')
    .set('authorization', mockCredentials.service.header())
    .expect(200);
  return res.body.scopes;
}
