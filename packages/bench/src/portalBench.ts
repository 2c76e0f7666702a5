import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser, chromium } from 'playwright-core';
import { estateArgs, EstateSpec } from './estates';
import { startEndpointProcess } from './localEndpoint';
import { measureNetworkPage, NetworkPageTimings } from './networkPageTimings';
import { backstageCli, freePort, guestToken, repoRoot, startPortalBackend, waitFor } from './portalBackend';
import { measureServiceMap, ServiceMapTimings } from './serviceMapTimings';

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

/**
 * Layered over bench/app-config.bench.yaml: a free port for the built app
 * and backend, the app this checkout built (by file: URL; by name, `app` may
 * resolve to another checkout sharing node_modules, a worktree's main one),
 * and the change events queue on the benchmark's own endpoint, never the
 * demo's.
 */
function benchConfig(port: number, endpointUrl: string): string {
  const backend = `http://localhost:${port}`;
  const file = path.join(os.tmpdir(), `ecs-networking-bench-${port}.json`);
  // YAML takes JSON.
  writeFileSync(
    file,
    JSON.stringify({
      app: { baseUrl: backend, packageName: pathToFileURL(path.join(repoRoot, 'packages/app/package.json')).href },
      backend: { baseUrl: backend, listen: { port }, cors: { origin: backend } },
      events: {
        modules: {
          awsSqs: {
            awsSqsConsumingEventPublisher: {
              topics: { 'ecs-changes': { queue: { url: `${endpointUrl}/300000000001/ecs-networking-events` } } },
            },
          },
        },
      },
    }),
  );
  return file;
}

interface Portal {
  browser: Browser;
  backend: string;
  auth: { headers: { authorization: string } };
  /** When every scope had synced. */
  syncEnd: number;
}

/**
 * The production app, served by a real backend reading a synthetic estate
 * from the local endpoint, synced once, and Debian's Chromium to look at it.
 */
async function withPortal<T>(spec: Exclude<EstateSpec, 'demo'>, use: (portal: Portal) => Promise<T>): Promise<T> {
  await run(backstageCli, ['package', 'build'], { cwd: path.join(repoRoot, 'packages/app') });

  const endpoint = await startEndpointProcess(estateArgs(spec));
  const port = await freePort();
  const backend = `http://localhost:${port}`;
  const config = benchConfig(port, endpoint.url);
  let server: { stop(): void } | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    server = await startPortalBackend({
      backend,
      endpointUrl: endpoint.url,
      configs: [path.join(repoRoot, 'bench/app-config.bench.yaml'), config],
      logName: 'portal-backend.log',
    });
    const auth = { headers: { authorization: `Bearer ${await guestToken(backend)}` } };
    const syncEnd = await waitFor(async () => {
      const status = (await (await fetch(`${backend}/api/ecs-networking/status`, auth)).json()) as {
        scopes: Array<{ lastSuccessAt?: string }>;
      };
      return status.scopes.length && status.scopes.every(s => s.lastSuccessAt) ? Date.now() : undefined;
    }, 600_000, 'the first sync');
    return await use({ browser, backend, auth, syncEnd });
  } finally {
    await browser.close();
    server?.stop();
    endpoint.stop();
    rmSync(config, { force: true });
  }
}

/**
 * How long the catalog takes to take in the sync, and how the network
 * page behaves.
 */
export async function benchPortal(spec: Exclude<EstateSpec, 'demo'>, label: string): Promise<PortalMeasurement> {
  return withPortal(spec, async ({ browser, backend, auth, syncEnd }) => {
    const catalogEntities = await waitFor(async () => {
      const res = await fetch(
        `${backend}/api/catalog/entities/by-query?filter=kind=resource,spec.type=ecs-service&limit=1&fields=metadata.name`,
        auth,
      );
      const { totalItems } = (await res.json()) as { totalItems: number };
      return totalItems >= spec.services ? totalItems : undefined;
    }, 600_000, 'the catalog to hold every service');
    const catalogSeconds = (Date.now() - syncEnd) / 1000;

    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    return {
      estate: label,
      catalogSeconds,
      catalogEntities,
      ...(await measureNetworkPage(context, backend, { services: spec.services, filter: 'svc-1' })),
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
  return withPortal(spec, async ({ browser, backend }) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    return { estate: label, ...(await measureServiceMap(context, backend, { services: spec.services, search: 'auth-1' })) };
  });
}
