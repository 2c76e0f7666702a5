import path from 'node:path';
import { BackendProcess } from '../reliability/BackendProcess';
import { LocalAwsProcess } from '../reliability/LocalAwsProcess';
import { REPO_ROOT } from '../reliability/NodeProcess';
import { waitFor } from '../reliability/waitFor';

interface TaskEvent {
  type: string;
  body: { message?: string; output?: any };
}

/**
 * The demo backend as a process, over the demo estate, with the templates
 * and one more catalog location (the Component a migration's pull request
 * goes to), `integrations` as given, and a guest user's token to run
 * templates with.
 */
export class Portal {
  private constructor(
    private readonly localAws: LocalAwsProcess,
    readonly backend: BackendProcess,
    private readonly userToken: string,
  ) {}

  static async start(options: {
    dir: string;
    integrations: Record<string, unknown>;
    componentLocation: string;
  }): Promise<Portal> {
    const localAws = await LocalAwsProcess.start();
    let backend: BackendProcess | undefined;
    try {
      backend = await BackendProcess.start({
        label: 'portal',
        dir: options.dir,
        localAws,
        database: { client: 'better-sqlite3', connection: ':memory:' },
        sync: { frequency: 'PT5M', timeout: 'PT4M' },
        config: {
          integrations: options.integrations,
          catalog: {
            locations: [
              {
                type: 'file',
                target: path.join(REPO_ROOT, 'templates/all.yaml'),
              },
              { type: 'url', target: options.componentLocation },
            ],
          },
          // The demo's change events come from this local endpoint.
          events: {
            modules: {
              awsSqs: {
                awsSqsConsumingEventPublisher: {
                  topics: {
                    'ecs-changes': {
                      queue: {
                        url: `${localAws.url}/111111111111/ecs-networking-events`,
                      },
                    },
                  },
                },
              },
            },
          },
        },
      });
      const refresh = await fetch(
        `${backend.url}/api/auth/guest/refresh?env=development`,
        { headers: { 'x-requested-with': 'XMLHttpRequest' } },
      );
      const token = (await refresh.json()).backstageIdentity.token;
      const portal = new Portal(localAws, backend, token);
      await portal.ready();
      return portal;
    } catch (error) {
      await backend?.kill();
      await localAws.stop();
      throw error;
    }
  }

  /** The live network read once, and the catalog holding the templates and the Component, with its source location. */
  private async ready() {
    const context = this.backend.child.waitOptions();
    await waitFor(
      'ecs-networking sync',
      async () => {
        const { scopes } = await this.backend.api<{
          scopes: { lastSuccessAt?: string }[];
        }>('/api/ecs-networking/status');
        return scopes.length > 0 && scopes.every(s => s.lastSuccessAt);
      },
      { timeoutMs: 120_000, intervalMs: 500, ...context },
    );
    await waitFor(
      'catalog entities',
      async () => {
        await this.backend.api(
          '/api/catalog/entities/by-name/template/default/ecs-migrate-app-mesh',
        );
        const component = await this.backend.api<{
          metadata: { annotations: Record<string, string> };
        }>('/api/catalog/entities/by-name/component/default/legacy-gateway');
        return !!component.metadata.annotations['backstage.io/source-location'];
      },
      { timeoutMs: 120_000, intervalMs: 1000, ...context },
    );
  }

  async stop() {
    await this.backend.kill();
    await this.localAws.stop();
  }

  /** Calls the backend as the guest user. */
  async call(method: string, route: string, body?: unknown) {
    const response = await fetch(`${this.backend.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${this.userToken}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(
        `${method} ${route}: ${response.status} ${JSON.stringify(json)}`,
      );
    }
    return json;
  }

  /** Runs a template as a task; its status, log and output once it ends. */
  async runTask(template: string, values: Record<string, unknown>) {
    const { id } = await this.call('POST', '/api/scaffolder/v2/tasks', {
      templateRef: `template:default/${template}`,
      values,
    });
    const status = await waitFor(
      `task ${template}`,
      async () => {
        const task = await this.call('GET', `/api/scaffolder/v2/tasks/${id}`);
        return ['completed', 'failed', 'cancelled'].includes(task.status)
          ? (task.status as string)
          : undefined;
      },
      {
        timeoutMs: 120_000,
        intervalMs: 500,
        ...this.backend.child.waitOptions(),
      },
    );
    const events: TaskEvent[] = await this.call(
      'GET',
      `/api/scaffolder/v2/tasks/${id}/events`,
    );
    const log = events
      .filter(e => e.type === 'log')
      .map(e => e.body.message ?? '')
      .join('\n');
    const output = events.find(e => e.type === 'completion')?.body.output ?? {};
    return { status, log, output };
  }
}
