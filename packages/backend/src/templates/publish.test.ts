import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FakeGitHost } from './FakeGitHost';
import { FakeGithub } from './FakeGithub';
import { FakeGitlab } from './FakeGitlab';
import { Portal } from './portal';

/**
 * The templates' publish steps, run for real by the demo backend
 * (packages/backend/src/index.ts, with the scaffolder's GitHub and GitLab
 * modules) against git hosts on 127.0.0.1: `integrations` point github.com's
 * API, and a GitLab host, at them. A dry run would not do: the scaffolder
 * skips publish:github and publish:gitlab:merge-request in a dry run (they
 * do not support one), and publish:github:pull-request stops before its
 * first request. So each template runs as a task, and the test reads what
 * landed on the host.
 */

jest.setTimeout(300_000);

const TOKEN = 'fake-git-host-token';
/** The repository that holds legacy-gateway's Component and Terraform. */
const SHOP_INFRA: Record<string, string> = {
  'README.md': '# Shop infrastructure\n',
  'services/legacy-gateway/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: legacy-gateway
  description: The old entry point, being moved off App Mesh
spec:
  type: service
  lifecycle: production
  owner: team-platform
  system: shop
`,
  'services/legacy-gateway/README.md': '# legacy-gateway\n',
  'services/legacy-gateway/terraform/main.tf':
    '# legacy-gateway on App Mesh (proxy_configuration, envoy)\n',
};

const LEGACY_GATEWAY = {
  service: {
    serviceArn:
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/legacy-gateway',
  },
};
const BRANCH = 'ecs-networking/service-connect-legacy-gateway';
const TITLE = 'Move shop/legacy-gateway from App Mesh to Service Connect';

type Links = { title: string; url?: string; entityRef?: string }[];

/**
 * The migration's pull or merge request, as the host got it: the title,
 * the rollout in its description, and a branch that is main plus the
 * Terraform change and MIGRATION.md in the Component's directory; the
 * task's output links to it.
 */
async function expectOpened(
  host: FakeGitHost,
  result: { output: { links?: Links } },
  request: {
    fields: Record<string, unknown>;
    description: string;
    url: string;
  },
) {
  expect(request.fields).toMatchObject({ title: TITLE });
  expect(request.description).toContain('Roll out as MIGRATION.md says');
  const branch = await host.repositories.files('acme', 'shop-infra', BRANCH);
  const changed = Object.keys(branch).filter(f => branch[f] !== SHOP_INFRA[f]);
  expect(changed.sort()).toEqual([
    'services/legacy-gateway/MIGRATION.md',
    'services/legacy-gateway/terraform/main.tf',
    'services/legacy-gateway/terraform/outputs.tf',
    'services/legacy-gateway/terraform/variables.tf',
    'services/legacy-gateway/terraform/versions.tf',
  ]);
  const terraform = branch['services/legacy-gateway/terraform/main.tf'].replace(
    /#.*$/gm,
    '',
  );
  expect(terraform).toContain('service_connect_configuration');
  expect(terraform).not.toMatch(/proxy_configuration|envoy/i);
  expect(branch['services/legacy-gateway/MIGRATION.md']).toContain(
    'terraform import aws_ecs_service.this shop/legacy-gateway',
  );
  expect(result.output.links).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ title: 'Pull request', url: request.url }),
    ]),
  );
}

/**
 * For one describe block: a fake git host holding shop-infra, and the
 * portal, configured for that host, reading legacy-gateway's Component
 * from it.
 */
function withHost<Host extends FakeGitHost>(
  start: (root: string) => Promise<Host>,
  configure: (host: Host) => Omit<Parameters<typeof Portal.start>[0], 'dir'>,
) {
  const setup: { host?: Host; portal?: Portal } = {};
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ecsnet-publish-'));
    setup.host = await start(path.join(dir, 'git'));
    await setup.host.repositories.seed('acme', 'shop-infra', SHOP_INFRA);
    setup.portal = await Portal.start({ dir, ...configure(setup.host) });
  }, 300_000);
  afterAll(async () => {
    await setup.portal?.stop();
    await setup.host?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
  return setup as Required<typeof setup>;
}

describe('the templates publish to GitHub (a fake GitHub)', () => {
  const setup = withHost(
    root => FakeGithub.start({ root, token: TOKEN }),
    github => ({
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: github.apiBaseUrl, token: TOKEN },
        ],
      },
      // The catalog reads it from the fake host, and gives it its source
      // location.
      componentLocation:
        'https://github.com/acme/shop-infra/blob/main/services/legacy-gateway/catalog-info.yaml',
    }),
  );

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
      const result = await setup.portal.runTask(template, {
        ...service,
        ...values,
        publish: true,
        repoUrl: `github.com?owner=acme&repo=${name}`,
      });
      expect(result).toMatchObject({ status: 'completed' });

      // The repository, as publish:github asked for it.
      const created = setup.host
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
        setup.host.calls(`PUT /repos/acme/${name}/branches/main/protection`),
      ).toHaveLength(1);

      // What the push put on main: the files the template generated.
      const files = await setup.host.repositories.files('acme', name, 'main');
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
      expect(result.output.links as Links).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            title: 'Repository',
            url: `${setup.host.url}/acme/${name}.git`,
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
    const before = setup.host.requests.length;
    const result = await setup.portal.runTask('ecs-service-connect', {
      ...service,
      name: 'cart-service',
      cluster: 'shop',
      useClusterDefaultNamespace: true,
      aliasPort: 8080,
      publish: false,
    });
    expect(result).toMatchObject({ status: 'completed' });
    // (The catalog may re-read the repositories registered above meanwhile.)
    const published = setup.host.requests
      .slice(before)
      .filter(r => r.method !== 'GET' || r.path.includes('cart-service'));
    expect(published).toEqual([]);
    expect((result.output.links as Links).map(l => l.title)).toEqual([
      'Download the generated files',
    ]);
  });

  it("ecs-migrate-app-mesh opens a pull request in the directory of the service's Component, leaving its README and catalog-info.yaml alone", async () => {
    const result = await setup.portal.runTask(
      'ecs-migrate-app-mesh',
      LEGACY_GATEWAY,
    );
    expect(result).toMatchObject({ status: 'completed' });
    expect(result.log).toContain(
      'component:default/legacy-gateway comes from https://github.com/acme/shop-infra/tree/main/services/legacy-gateway',
    );

    expect(result.output.text[0].content).toContain(
      'Pull request opened against `github.com?owner=acme&repo=shop-infra`, in `services/legacy-gateway`',
    );

    const [pull] = setup.host.calls('POST /repos/acme/shop-infra/pulls');
    expect(pull.body).toMatchObject({ head: `acme:${BRANCH}`, base: 'main' });
    await expectOpened(setup.host, result, {
      fields: pull.body,
      description: pull.body.body,
      url: 'https://github.com/acme/shop-infra/pull/1',
    });
  });
});

describe("the migration's merge request on GitLab (a fake GitLab)", () => {
  const setup = withHost(
    root => FakeGitlab.start({ root, token: TOKEN }),
    // GitLab's URL reader reads from the host of the location itself, so
    // the fake is the host.
    gitlab => ({
      integrations: {
        gitlab: [
          {
            host: gitlab.host,
            baseUrl: gitlab.url,
            apiBaseUrl: `${gitlab.url}/api/v4`,
            token: TOKEN,
          },
        ],
      },
      componentLocation: `${gitlab.url}/acme/shop-infra/-/blob/main/services/legacy-gateway/catalog-info.yaml`,
    }),
  );

  it('opens it in the directory of the Component, with the same change', async () => {
    const result = await setup.portal.runTask(
      'ecs-migrate-app-mesh',
      LEGACY_GATEWAY,
    );
    expect(result).toMatchObject({ status: 'completed' });

    const [request] = setup.host.calls(
      'POST /projects/acme%2Fshop-infra/merge_requests',
    );
    expect(request.body).toMatchObject({
      source_branch: BRANCH,
      target_branch: 'main',
    });
    await expectOpened(setup.host, result, {
      fields: request.body,
      description: request.body.description,
      url: `${setup.host.url}/acme/shop-infra/-/merge_requests/1`,
    });
  });
});
