import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser, chromium } from 'playwright-core';
import { estateArgs, EstateSpec } from './estates';
import { startEndpointProcess } from './localEndpoint';
import { measureNetworkPage, NetworkPageTimings } from './networkPageTimings';
import { measureServiceMap, ServiceMapTimings } from './serviceMapTimings';

const repoRoot = path.resolve(__dirname, '../../..');
/**
 * The port the built app and backend share; BENCH_PORTAL_PORT moves it off
 * 7007 when something else (a CI run, a dev backend) holds that.
 */
const PORT = Number(process.env.BENCH_PORTAL_PORT ?? 7007);
const BACKEND = `http://localhost:${PORT}`;

export interface PortalMeasurement extends NetworkPageTimings {
  estate: string;
  /** From the end of the sync to the last ECS service entity out of the catalog's processing. */
  catalogSeconds: number;
  catalogEntities: number;
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', code => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error('portal benchmark: timed out waiting; see bench/results/portal-backend.log');
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

/**
 * Layered over bench/app-config.bench.yaml: the port (BENCH_PORTAL_PORT),
 * the app this checkout built (by file: URL; by name, `app` may resolve to
 * another checkout sharing node_modules, a worktree's main one), and the
 * change events queue on the benchmark's own endpoint, never a queue of the
 * demo's port 4566.
 */
function benchConfig(endpointUrl: string): string[] {
  const file = path.join(os.tmpdir(), `ecs-networking-bench-${PORT}.yaml`);
  const app = pathToFileURL(path.join(repoRoot, 'packages/app/package.json')).href;
  writeFileSync(
    file,
    [
      'app:',
      `  baseUrl: ${BACKEND}`,
      `  packageName: ${app}`,
      'backend:',
      `  baseUrl: ${BACKEND}`,
      '  listen:',
      `    port: ${PORT}`,
      '  cors:',
      `    origin: ${BACKEND}`,
      'events:',
      '  modules:',
      '    awsSqs:',
      '      awsSqsConsumingEventPublisher:',
      '        topics:',
      '          ecs-changes:',
      '            queue:',
      `              url: ${endpointUrl}/300000000001/ecs-networking-events`,
      '',
    ].join('\n'),
  );
  return ['--config', file];
}

async function guestToken(): Promise<string> {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

interface Portal {
  browser: Browser;
  auth: { headers: { authorization: string } };
  /** When every scope had synced. */
  syncEnd: number;
}

/**
 * The production app, served by a real backend reading a synthetic estate
 * from the local endpoint, synced once, and Debian's Chromium to look at it.
 */
async function withPortal<T>(spec: Exclude<EstateSpec, 'demo'>, use: (portal: Portal) => Promise<T>): Promise<T> {
  const bin = path.join(repoRoot, 'node_modules/.bin/backstage-cli');
  await run(bin, ['package', 'build'], { cwd: path.join(repoRoot, 'packages/app') });

  const endpoint = await startEndpointProcess(estateArgs(spec));
  let backend: ChildProcess | undefined;
  const logDir = path.join(repoRoot, 'bench/results');
  mkdirSync(logDir, { recursive: true });
  const backendLog = openSync(path.join(logDir, 'portal-backend.log'), 'w');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    backend = spawn(
      bin,
      [
        'package',
        'start',
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'bench/app-config.bench.yaml'),
        ...benchConfig(endpoint.url),
      ],
      {
        cwd: path.join(repoRoot, 'packages/backend'),
        env: {
          ...process.env,
          AWS_ENDPOINT_URL: endpoint.url,
          AWS_ACCESS_KEY_ID: 'AKIASYNT300000000001',
          AWS_SECRET_ACCESS_KEY: 'synthetic',
          AWS_REGION: 'eu-west-1',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
        stdio: ['ignore', backendLog, backendLog],
        detached: true,
      },
    );
    await waitFor(async () => ((await fetch(`${BACKEND}/api/ecs-networking/health`)).ok ? true : undefined), 300_000);
    const token = await guestToken();
    const auth = { headers: { authorization: `Bearer ${token}` } };

    const syncEnd = await waitFor(async () => {
      const status = (await (await fetch(`${BACKEND}/api/ecs-networking/status`, auth)).json()) as {
        scopes: Array<{ lastSuccessAt?: string }>;
      };
      return status.scopes.length && status.scopes.every(s => s.lastSuccessAt) ? Date.now() : undefined;
    }, 600_000);
    return await use({ browser, auth, syncEnd });
  } finally {
    await browser.close();
    if (backend?.pid) {
      try {
        process.kill(-backend.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    endpoint.stop();
  }
}

/**
 * How long the catalog takes to take in the sync, and how the network
 * page behaves.
 */
export async function benchPortal(spec: Exclude<EstateSpec, 'demo'>, label: string): Promise<PortalMeasurement> {
  return withPortal(spec, async ({ browser, auth, syncEnd }) => {
    const catalogEntities = await waitFor(async () => {
      const res = await fetch(
        `${BACKEND}/api/catalog/entities/by-query?filter=kind=resource,spec.type=ecs-service&limit=1&fields=metadata.name`,
        auth,
      );
      const { totalItems } = (await res.json()) as { totalItems: number };
      return totalItems >= spec.services ? totalItems : undefined;
    }, 600_000);
    const catalogSeconds = (Date.now() - syncEnd) / 1000;

    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    return {
      estate: label,
      catalogSeconds,
      catalogEntities,
      ...(await measureNetworkPage(context, BACKEND, { services: spec.services, filter: 'svc-1' })),
    };
  });
}

export interface ServiceMapMeasurement extends ServiceMapTimings {
  estate: string;
}

/**
 * The service map of the network page over the estate as soon as it has
 * synced: it needs the network, not the catalog (whose entities only make
 * the names links).
 */
export async function benchServiceMap(spec: Exclude<EstateSpec, 'demo'>, label: string): Promise<ServiceMapMeasurement> {
  return withPortal(spec, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    return { estate: label, ...(await measureServiceMap(context, BACKEND, { services: spec.services, search: 'auth-1' })) };
  });
}
