import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { estateArgs, EstateSpec } from './estates';
import { startEndpointProcess } from './localEndpoint';
import { measureNetworkPage, NetworkPageTimings } from './networkPageTimings';
import { backstageCli, guestToken, repoRoot, startPortalBackend, waitFor } from './portalBackend';

const BACKEND = 'http://localhost:7007';

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
 * The production app, served by a real backend reading a synthetic estate
 * from the local endpoint: how long the catalog takes to take in the sync,
 * and how the network page behaves in Debian's Chromium.
 */
export async function benchPortal(spec: Exclude<EstateSpec, 'demo'>, label: string): Promise<PortalMeasurement> {
  await run(backstageCli, ['package', 'build'], { cwd: path.join(repoRoot, 'packages/app') });

  const endpoint = await startEndpointProcess(estateArgs(spec));
  let backend: { stop(): void } | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    backend = await startPortalBackend({
      backend: BACKEND,
      endpointUrl: endpoint.url,
      configs: [path.join(repoRoot, 'bench/app-config.bench.yaml')],
      logName: 'portal-backend.log',
    });
    const token = await guestToken(BACKEND);
    const auth = { headers: { authorization: `Bearer ${token}` } };

    const syncEnd = await waitFor(async () => {
      const status = (await (await fetch(`${BACKEND}/api/ecs-networking/status`, auth)).json()) as {
        scopes: Array<{ lastSuccessAt?: string }>;
      };
      return status.scopes.length && status.scopes.every(s => s.lastSuccessAt) ? Date.now() : undefined;
    }, 600_000, 'the first sync');
    const catalogEntities = await waitFor(async () => {
      const res = await fetch(
        `${BACKEND}/api/catalog/entities/by-query?filter=kind=resource,spec.type=ecs-service&limit=1&fields=metadata.name`,
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
      ...(await measureNetworkPage(context, BACKEND, { services: spec.services, filter: 'svc-1' })),
    };
  } finally {
    await browser.close();
    backend?.stop();
    endpoint.stop();
  }
}
