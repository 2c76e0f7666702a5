import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');
export const backstageCli = path.join(repoRoot, 'node_modules/.bin/backstage-cli');

/** Polls until `probe` gives a value (errors count as not yet); fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/** A port free on loopback now, so that a benchmark backend never takes one a CI run or a dev backend holds. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A user token of the guest, as the frontend gets it. */
export async function guestToken(backend: string): Promise<string> {
  const res = await fetch(`${backend}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

/**
 * The demo backend (packages/backend: the plugin, the catalog and its
 * module, the events backend and its SQS module), reading a synthetic
 * estate's single account from the local endpoint at `endpointUrl`, with
 * `configs` layered over app-config.yaml. Its output goes to
 * bench/results/<logName>. Resolves once it answers.
 */
export async function startPortalBackend(options: {
  backend: string;
  endpointUrl: string;
  configs: string[];
  logName: string;
}): Promise<{ stop(): void }> {
  const logDir = path.join(repoRoot, 'bench/results');
  mkdirSync(logDir, { recursive: true });
  const log = openSync(path.join(logDir, options.logName), 'w');
  const child: ChildProcess = spawn(
    backstageCli,
    ['package', 'start', '--config', path.join(repoRoot, 'app-config.yaml'), ...options.configs.flatMap(c => ['--config', c])],
    {
      cwd: path.join(repoRoot, 'packages/backend'),
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: options.endpointUrl,
        AWS_ACCESS_KEY_ID: 'AKIASYNT300000000001',
        AWS_SECRET_ACCESS_KEY: 'synthetic',
        AWS_REGION: 'eu-west-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  const stop = () => {
    try {
      // The CLI and the backend it starts are one process group.
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await waitFor(
      async () => ((await fetch(`${options.backend}/api/ecs-networking/health`)).ok ? true : undefined),
      300_000,
      `the backend; see bench/results/${options.logName}`,
    );
  } catch (error) {
    stop();
    throw error;
  }
  return { stop };
}
