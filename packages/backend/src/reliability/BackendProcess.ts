import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './freePort';
import type { LocalAwsProcess } from './LocalAwsProcess';
import { NodeProcess, REPO_ROOT, STARTUP_TIMEOUT_MS } from './NodeProcess';
import { parsePublished, parseSyncLines, SyncLine } from './syncLog';
import { waitFor } from './waitFor';

/** The static token the tests call the backend with (backend.auth.externalAccess). */
const TEST_TOKEN = 'ecsnet-reliability-test-token';
const BACKEND_DIR = path.join(REPO_ROOT, 'packages/backend');

export interface BackendSettings {
  label: string;
  /** Where the backend's config override file is written. */
  dir: string;
  localAws: LocalAwsProcess;
  /** `backend.database` */
  database: Record<string, unknown>;
  /** `ecsNetworking.schedule`, as ISO durations (strings replace the demo's objects). */
  sync: { frequency: string; timeout: string };
  /** More config, read last: its arrays replace the demo's (catalog.locations). */
  config?: Record<string, unknown>;
}

export interface CatalogEntity {
  ref: string;
  uid: string;
  serviceArn?: string;
}

/**
 * packages/backend, the demo portal's backend with every plugin of the
 * product, started as `backstage-cli package start` runs it: app-config.yaml
 * plus an override for ports, database, a test token and short schedules.
 */
export class BackendProcess {
  private constructor(
    readonly child: NodeProcess,
    readonly url: string,
    /** Spawn to readiness. */
    readonly startupMs: number,
  ) {}

  static async start(settings: BackendSettings): Promise<BackendProcess> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const override = path.join(
      settings.dir,
      `${settings.label}.app-config.yaml`,
    );
    // JSON is YAML.
    writeFileSync(
      override,
      JSON.stringify({
        backend: {
          baseUrl: url,
          listen: { port, host: '127.0.0.1' },
          database: settings.database,
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: TEST_TOKEN, subject: 'reliability-test' },
              },
            ],
          },
        },
        ecsNetworking: { schedule: settings.sync },
        catalog: {
          providers: {
            ecsNetworking: {
              schedule: { frequency: 'PT5S', timeout: 'PT30S' },
            },
          },
        },
      }),
    );
    const configs = ['../../app-config.yaml', override];
    if (settings.config) {
      const extra = path.join(
        settings.dir,
        `${settings.label}.extra.app-config.yaml`,
      );
      writeFileSync(extra, JSON.stringify(settings.config));
      configs.push(extra);
    }
    const started = Date.now();
    const child = NodeProcess.start(
      settings.label,
      'src/index.ts',
      configs.flatMap(file => ['--config', file]),
      {
        cwd: BACKEND_DIR,
        // Not `test` (jest's): the scheduler's janitor, which frees the
        // lock of a run whose backend died, only runs outside tests.
        env: {
          ...process.env,
          NODE_ENV: 'development',
          ...settings.localAws.sdkEnv(),
        },
      },
    );
    try {
      await waitFor(
        `${settings.label} ready`,
        async () => (await fetch(`${url}/.backstage/health/v1/readiness`)).ok,
        {
          timeoutMs: STARTUP_TIMEOUT_MS,
          intervalMs: 200,
          ...child.waitOptions(),
        },
      );
    } catch (error) {
      await child.kill();
      throw error;
    }
    return new BackendProcess(child, url, Date.now() - started);
  }

  get label(): string {
    return this.child.label;
  }

  async api<T>(route: string): Promise<T> {
    const response = await fetch(`${this.url}${route}`, {
      headers: { Authorization: `Bearer ${TEST_TOKEN}` },
    });
    if (!response.ok) {
      throw new Error(
        `${this.label} GET ${route}: ${
          response.status
        } ${await response.text()}`,
      );
    }
    return (await response.json()) as T;
  }

  /** The syncs this backend completed, from its log. */
  syncs(): SyncLine[] {
    return parseSyncLines(this.child.lines);
  }

  /** Entity counts its catalog module applied, from its log. */
  published(): number[] {
    return parsePublished(this.child.lines);
  }

  /** The entities the ecs-networking provider owns, sorted by ref. */
  async ecsEntities(): Promise<CatalogEntity[]> {
    const filter =
      'metadata.annotations.backstage.io/managed-by-location=ecs-networking:ecs-networking';
    const entities = await this.api<
      Array<{
        kind: string;
        metadata: {
          namespace?: string;
          name: string;
          uid: string;
          annotations?: Record<string, string>;
        };
      }>
    >(
      `/api/catalog/entities?filter=${encodeURIComponent(
        filter,
      )}&fields=kind,metadata`,
    );
    return entities
      .map(e => ({
        ref: `${e.kind.toLowerCase()}:${e.metadata.namespace ?? 'default'}/${
          e.metadata.name
        }`,
        uid: e.metadata.uid,
        serviceArn: e.metadata.annotations?.['ecs-networking.io/service-arn'],
      }))
      .sort((x, y) => x.ref.localeCompare(y.ref));
  }

  /** The state of the sync task in the scheduler (shared by replicas). */
  async syncTaskState(): Promise<{
    status: 'running' | 'idle';
    lastRunEndedAt?: string;
  }> {
    const { tasks } = await this.api<{
      tasks: Array<{
        taskId: string;
        taskState: { status: 'running' | 'idle'; lastRunEndedAt?: string };
      }>;
    }>('/api/ecs-networking/.backstage/scheduler/v1/tasks');
    return tasks.find(t => t.taskId === 'ecs-networking:sync')!.taskState;
  }

  kill(): Promise<void> {
    return this.child.kill();
  }
}
