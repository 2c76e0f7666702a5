import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  DEMO_ESTATE_PATH,
  LocalAws,
  parseEstate,
  startLocalAws,
} from '@ecs-net/aws-local';
// The actions read the live network from the real ecs-networking plugin;
// their tests run the two together, as an app does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import ecsNetworkingPlugin from '@ecs-net/plugin-ecs-networking-backend';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { scaffolderModuleEcsNetworking } from '../module';

export const TEMPLATES_DIR = path.resolve(__dirname, '../../../../templates');

type Server = Parameters<typeof request>[0];

export interface Harness {
  server: Server;
  local: LocalAws;
  stop(): Promise<void>;
}

/**
 * The real scaffolder, this module and the real ecs-networking backend
 * plugin, reading the demo estate from the local AWS endpoint. The catalog
 * is an in-memory mock holding the given entities.
 */
type CatalogEntities = NonNullable<
  Parameters<typeof catalogServiceMock.factory>[0]
>['entities'];

export async function startHarness(
  options: {
    entities?: CatalogEntities;
    /** Estate YAML seeded after the demo estate, into the same accounts. */
    extraEstate?: string;
  } = {},
): Promise<Harness> {
  const local = await startLocalAws(
    options.extraEstate
      ? { estate: [DEMO_ESTATE_PATH, parseEstate(options.extraEstate)] }
      : {},
  );
  process.env.AWS_ENDPOINT_URL = local.url;
  process.env.AWS_REGION = 'eu-west-1';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleEcsNetworking,
      ecsNetworkingPlugin,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({
        data: {
          aws: {
            mainAccount: {
              accessKeyId: 'AKIADEMO111111111111',
              secretAccessKey: 'demo',
            },
            accounts: [
              { accountId: '222222222222', roleName: 'ecs-networking-reader' },
            ],
          },
          ecsNetworking: {
            accounts: [
              {
                accountId: '111111111111',
                regions: ['eu-west-1', 'us-east-1'],
              },
              {
                accountId: '222222222222',
                regions: ['eu-west-1', 'us-east-1'],
              },
            ],
            // No initial delay: the test scheduler runs the sync at startup.
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
          },
        },
      }),
    ],
  });
  const server = backend.server;
  // Wait until every scope has been read once.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await request(server)
      .get('/api/ecs-networking/status')
      .set('authorization', mockCredentials.service.header());
    const scopes: { lastSuccessAt?: string }[] = res.body?.scopes ?? [];
    if (
      res.status === 200 &&
      scopes.length === 4 &&
      scopes.every(s => s.lastSuccessAt)
    )
      break;
    if (Date.now() > deadline)
      throw new Error(
        `ecs-networking did not sync: ${JSON.stringify(res.body)}`,
      );
    await new Promise(r => setTimeout(r, 200));
  }
  return {
    server,
    local,
    async stop() {
      await backend.stop();
      await local.close();
    },
  };
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** The template file (and its content) whose metadata.name is `name`. */
async function findTemplate(name: string) {
  for (const entry of await fs.readdir(TEMPLATES_DIR, {
    withFileTypes: true,
  })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(TEMPLATES_DIR, entry.name);
    for (const file of await fs.readdir(dir)) {
      if (!file.endsWith('.yaml')) continue;
      const template = YAML.parse(
        await fs.readFile(path.join(dir, file), 'utf8'),
      );
      if (template?.kind === 'Template' && template.metadata?.name === name) {
        return { file: path.join(dir, file), template };
      }
    }
  }
  throw new Error(`No template named ${name} in ${TEMPLATES_DIR}`);
}

export async function loadTemplate(name: string) {
  // A directory may hold several templates sharing one skeleton (the three
  // new-service templates): find the file by the template's name.
  const found = await findTemplate(name);
  const dir = path.dirname(found.file);
  const template = found.template;
  const files = (await listFiles(dir)).filter(
    f => !(f.endsWith('.yaml') && !f.includes('/')),
  );
  const directoryContents = await Promise.all(
    files.map(async file => ({
      path: file,
      base64Content: (
        await fs.readFile(path.join(dir, file))
      ).toString('base64'),
    })),
  );
  return { template, directoryContents };
}

export interface DryRunResult {
  status: number;
  /** Rendered files by path, decoded. */
  files: Record<string, string>;
  /** The error message when the dry run failed. */
  error?: string;
  /** Parameter validation errors (400 before any step ran). */
  parameterErrors?: { property?: string; message?: string; stack?: string }[];
  log: string[];
  output: Record<string, unknown>;
  raw?: unknown;
}

/** Runs a template through the scaffolder's own dry-run endpoint. */
export async function dryRun(
  server: Server,
  templateName: string,
  values: Record<string, unknown>,
): Promise<DryRunResult> {
  const { template, directoryContents } = await loadTemplate(templateName);
  const res = await request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('authorization', mockCredentials.user.header())
    .send({ template, values, secrets: {}, directoryContents });
  const files: Record<string, string> = {};
  for (const file of res.body?.directoryContents ?? []) {
    files[file.path] = Buffer.from(file.base64Content, 'base64').toString(
      'utf8',
    );
  }
  return {
    status: res.status,
    files,
    error: res.body?.error?.message,
    parameterErrors: res.body?.errors,
    log: (res.body?.log ?? []).map(
      (l: { body: { message: string } }) => l.body.message,
    ),
    output: res.body?.output ?? {},
    raw: res.body,
  };
}
