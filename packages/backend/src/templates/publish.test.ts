import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackendProcess } from '../reliability/BackendProcess';
import { LocalAwsProcess } from '../reliability/LocalAwsProcess';
import { REPO_ROOT } from '../reliability/NodeProcess';
import { waitFor } from '../reliability/waitFor';
import { FakeGithub } from './FakeGithub';

/**
 * The templates' publish steps, run for real by the demo backend
 * (packages/backend/src/index.ts, with the scaffolder's GitHub module)
 * against a GitHub stand-in on 127.0.0.1: integrations.github points
 * github.com's API at it. A dry run would not do: the scaffolder skips
 * publish:github in a dry run (it does not support one), and
 * publish:github:pull-request stops before its first request. So each
 * template runs as a task, and the test reads what landed on the host.
 */

jest.setTimeout(300_000);

const TOKEN = 'fake-github-token';
const SHOP_INFRA_COMPONENT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: legacy-gateway
  description: The old entry point, being moved off App Mesh
spec:
  type: service
  lifecycle: production
  owner: team-platform
  system: shop
`;
const SHOP_INFRA = {
  'README.md': '# Shop infrastructure\n',
  'services/legacy-gateway/catalog-info.yaml': SHOP_INFRA_COMPONENT,
  'services/legacy-gateway/README.md': '# legacy-gateway\n',
  'services/legacy-gateway/terraform/main.tf':
    '# legacy-gateway on App Mesh (proxy_configuration, envoy)\n',
};

interface TaskEvent {
  type: string;
  body: { message?: string; output?: any };
}

describe('the templates publish to a git host (a fake GitHub)', () => {
  let dir: string;
  let github: FakeGithub;
  let localAws: LocalAwsProcess | undefined;
  let backend: BackendProcess | undefined;
  let userToken: string;

  async function call(method: string, route: string, body?: unknown) {
    const response = await fetch(`${backend!.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${userToken}`,
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
  async function runTask(template: string, values: Record<string, unknown>) {
    const { id } = await call('POST', '/api/scaffolder/v2/tasks', {
      templateRef: `template:default/${template}`,
      values,
    });
    const status = await waitFor(
      `task ${template}`,
      async () => {
        const task = await call('GET', `/api/scaffolder/v2/tasks/${id}`);
        return ['completed', 'failed', 'cancelled'].includes(task.status)
          ? (task.status as string)
          : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500, ...backend!.child.waitOptions() },
    );
    const events: TaskEvent[] = await call(
      'GET',
      `/api/scaffolder/v2/tasks/${id}/events`,
    );
    const log = events
      .filter(e => e.type === 'log')
      .map(e => e.body.message ?? '');
    const output = events.find(e => e.type === 'completion')?.body.output ?? {};
    return { status, log: log.join('\n'), output };
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ecsnet-publish-'));
    github = await FakeGithub.start({
      root: path.join(dir, 'git'),
      token: TOKEN,
    });
    await github.seed('acme', 'shop-infra', SHOP_INFRA);
    localAws = await LocalAwsProcess.start();
    backend = await BackendProcess.start({
      label: 'portal',
      dir,
      localAws,
      database: { client: 'better-sqlite3', connection: ':memory:' },
      sync: { frequency: 'PT5M', timeout: 'PT4M' },
      config: {
        integrations: {
          github: [
            { host: 'github.com', apiBaseUrl: github.apiBaseUrl, token: TOKEN },
          ],
        },
        // The templates, and legacy-gateway's Component from the repository
        // that holds its Terraform (the catalog reads it from the fake host).
        catalog: {
          locations: [
            {
              type: 'file',
              target: path.join(REPO_ROOT, 'templates/all.yaml'),
            },
            {
              type: 'url',
              target:
                'https://github.com/acme/shop-infra/blob/main/services/legacy-gateway/catalog-info.yaml',
            },
          ],
        },
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
    const context = backend.child.waitOptions();
    const refresh = await fetch(
      `${backend.url}/api/auth/guest/refresh?env=development`,
      {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      },
    );
    userToken = (await refresh.json()).backstageIdentity.token;
    // The live network read once, and the catalog holding the templates and
    // the Component with the source location the catalog gave it.
    await waitFor(
      'ecs-networking sync',
      async () => {
        const { scopes } = await backend!.api<{
          scopes: { lastSuccessAt?: string }[];
        }>('/api/ecs-networking/status');
        return scopes.length > 0 && scopes.every(s => s.lastSuccessAt);
      },
      { timeoutMs: 120_000, intervalMs: 500, ...context },
    );
    await waitFor(
      'catalog entities',
      async () => {
        const template = await backend!.api<unknown>(
          '/api/catalog/entities/by-name/template/default/ecs-migrate-app-mesh',
        );
        const component = await backend!.api<{
          metadata: { annotations: Record<string, string> };
        }>('/api/catalog/entities/by-name/component/default/legacy-gateway');
        return (
          !!template &&
          !!component.metadata.annotations['backstage.io/source-location']
        );
      },
      { timeoutMs: 120_000, intervalMs: 1000, ...context },
    );
  }, 300_000);

  afterAll(async () => {
    await backend?.kill();
    await localAws?.stop();
    await github?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const service = {
    owner: 'group:default/team-orders',
    lifecycle: 'production',
    accountId: '111111111111',
    region: 'eu-west-1',
    networkMode: 'awsvpc',
    image: 'public.ecr.aws/nginx/nginx:stable',
    containerPort: 8080,
    portName: 'http',
    cpu: '256',
    memory: '512',
    desiredCount: 2,
  };

  it.each([
    [
      'ecs-service-connect',
      {
        name: 'checkout',
        cluster: 'shop',
        useClusterDefaultNamespace: true,
        aliasPort: 8080,
      },
    ],
    [
      'ecs-service-discovery',
      {
        name: 'search',
        cluster: 'web',
        recordType: 'A',
        ttl: 10,
        routingPolicy: 'MULTIVALUE',
        createNamespace: false,
        namespace: 'app',
      },
    ],
    [
      'ecs-service-connect-and-discovery',
      {
        name: 'pricing-service',
        cluster: 'shop',
        useClusterDefaultNamespace: true,
        aliasPort: 8080,
        sdName: 'pricing',
        recordType: 'A',
        ttl: 10,
        routingPolicy: 'MULTIVALUE',
        createNamespace: false,
        sdNamespace: 'app',
      },
    ],
  ])(
    '%s creates the repository, pushes the generated files to main and registers catalog-info.yaml',
    async (template, values) => {
      const name = values.name;
      const result = await runTask(template, {
        ...service,
        ...values,
        publish: true,
        repoUrl: `github.com?owner=acme&repo=${name}`,
      });
      expect(result).toMatchObject({ status: 'completed' });

      // The repository, as publish:github asked for it.
      const created = github
        .calls('POST /orgs/acme/repos')
        .filter(r => r.body.name === name);
      expect(created).toHaveLength(1);
      expect(created[0].body).toMatchObject({
        name,
        private: true,
        visibility: 'private',
      });
      expect(created[0].body.description).toContain(name);
      expect(
        github.calls(`PUT /repos/acme/${name}/branches/main/protection`),
      ).toHaveLength(1);

      // What the push put on main: the files the template generated.
      const files = await github.files('acme', name, 'main');
      expect(Object.keys(files).sort()).toEqual([
        'README.md',
        'catalog-info.yaml',
        'terraform/main.tf',
        'terraform/outputs.tf',
        'terraform/variables.tf',
        'terraform/versions.tf',
      ]);
      expect(files['catalog-info.yaml']).toContain(
        `kind: Component\nmetadata:\n  name: ${name}\n`,
      );
      expect(files['terraform/main.tf']).toContain(
        `name            = "${name}"`,
      );

      // catalog:register read catalog-info.yaml back from the host.
      const links = result.output.links as {
        title: string;
        url?: string;
        entityRef?: string;
      }[];
      expect(links).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            title: 'Repository',
            url: `${github.url}/acme/${name}.git`,
          }),
          expect.objectContaining({
            title: 'Open in catalog',
            entityRef: `component:default/${name}`,
          }),
        ]),
      );
    },
  );

  it('publishes nothing without a repository: the archive is the output, as in the demo', async () => {
    const before = github.requests.length;
    const result = await runTask('ecs-service-connect', {
      ...service,
      name: 'cart-service',
      cluster: 'shop',
      useClusterDefaultNamespace: true,
      aliasPort: 8080,
      publish: false,
    });
    expect(result).toMatchObject({ status: 'completed' });
    // (The catalog may re-read the repositories registered above meanwhile.)
    const published = github.requests
      .slice(before)
      .filter(r => r.method !== 'GET' || r.path.includes('cart-service'));
    expect(published).toEqual([]);
    expect(
      (result.output.links as { title: string }[]).map(l => l.title),
    ).toEqual(['Download the generated files']);
  });

  it("ecs-migrate-app-mesh opens a pull request in the directory of the service's Component, leaving its README and catalog-info.yaml alone", async () => {
    const result = await runTask('ecs-migrate-app-mesh', {
      service: {
        serviceArn:
          'arn:aws:ecs:eu-west-1:111111111111:service/shop/legacy-gateway',
      },
      cpu: '512',
      memory: '1024',
    });
    expect(result).toMatchObject({ status: 'completed' });
    expect(result.log).toContain(
      'component:default/legacy-gateway comes from https://github.com/acme/shop-infra/tree/main/services/legacy-gateway',
    );

    const [pull] = github.calls('POST /repos/acme/shop-infra/pulls');
    expect(pull.body).toMatchObject({
      head: 'acme:ecs-networking/service-connect-legacy-gateway',
      base: 'main',
      title: 'Move shop/legacy-gateway from App Mesh to Service Connect',
    });
    expect(pull.body.body).toContain('Roll out as MIGRATION.md says');

    // The branch: main plus the Terraform change and MIGRATION.md.
    const branch = await github.files(
      'acme',
      'shop-infra',
      'ecs-networking/service-connect-legacy-gateway',
    );
    const changed = Object.keys(branch).filter(
      f => branch[f] !== (SHOP_INFRA as Record<string, string>)[f],
    );
    expect(changed.sort()).toEqual([
      'services/legacy-gateway/MIGRATION.md',
      'services/legacy-gateway/terraform/main.tf',
      'services/legacy-gateway/terraform/outputs.tf',
      'services/legacy-gateway/terraform/variables.tf',
      'services/legacy-gateway/terraform/versions.tf',
    ]);
    const terraform = branch[
      'services/legacy-gateway/terraform/main.tf'
    ].replace(/#.*$/gm, '');
    expect(terraform).toContain('service_connect_configuration');
    expect(terraform).not.toMatch(/proxy_configuration|envoy/i);
    expect(branch['services/legacy-gateway/MIGRATION.md']).toContain(
      'terraform import aws_ecs_service.this shop/legacy-gateway',
    );

    const links = result.output.links as { title: string; url?: string }[];
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: 'Pull request',
          url: 'https://github.com/acme/shop-infra/pull/1',
        }),
      ]),
    );
  });
});
