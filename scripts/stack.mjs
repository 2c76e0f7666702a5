// Starts the demo stack: the local AWS endpoint, then the Backstage backend
// and frontend pointed at it through the standard AWS_ENDPOINT_URL variable.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './toolchain.mjs';
const require = createRequire(import.meta.url);

export const LOCAL_AWS_PORT = Number(process.env.LOCAL_AWS_PORT ?? 4566);
export const APP_URL = 'http://localhost:3000';
export const BACKEND_URL = 'http://localhost:7007';

/** The AWS SDK settings of the demo: account 111111111111 of the demo estate. */
export function demoAwsEnv(port = LOCAL_AWS_PORT) {
  return {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
    AWS_ACCESS_KEY_ID: 'AKIADEMO111111111111',
    AWS_SECRET_ACCESS_KEY: 'demo',
    AWS_REGION: 'eu-west-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

// Where the local endpoint delivers its change events, as EventBridge would;
// app-config.yaml points Backstage's SQS events module at it.
const DEMO_EVENT_QUEUE = 'arn:aws:sqs:eu-west-1:111111111111:ecs-networking-events';

// The browser tests' stack: the demo estate plus hostile input in account
// 333333333333, and the backend config that reads that account too.
const DEMO_ESTATE = path.join(repoRoot, 'packages/aws-local/estates/demo.yaml');
const HOSTILE_ESTATE = path.join(repoRoot, 'packages/aws-local/estates/hostile.yaml');
const HOSTILE_CONFIG = path.join(repoRoot, 'packages/app/e2e-tests/app-config.hostile.yaml');

/** Hands each output line to `onLine`, or without one writes it with its label. */
function prefixOutput(child, label, onLine) {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    let buffer = '';
    stream?.on('data', chunk => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        if (onLine) onLine(label, line);
        else process.stdout.write(`[${label}] ${line}\n`);
      }
    });
  }
}

/** Runs the local AWS endpoint's CLI; resolves once it prints its URL. */
export function startLocalAws(env, args = [], onLine) {
  const child = spawn(
    'node',
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', { paths: [repoRoot] }),
      path.join(repoRoot, 'packages/aws-local/src/cli.ts'),
      ...args,
    ],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    // Its output is passed on as it comes; the first line saying where it
    // listens means it is ready.
    prefixOutput(child, 'local-aws', onLine);
    const onData = chunk => {
      if (String(chunk).includes('listening on http://127.0.0.1:')) {
        child.stdout.off('data', onData);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.on('exit', code => reject(new Error(`local AWS endpoint exited with ${code}`)));
  });
}

export async function waitForUrl(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

/**
 * Starts everything; returns a function that stops it all. `hostile` adds
 * the hostile estate and the config that reads its account (browser tests
 * only; `npm start` is the plain demo). With `onLine`, output lines go to
 * `onLine(label, line)` (label `local-aws` or `portal`) instead of the
 * terminal, so a test run's own report stays readable.
 */
export async function startStack(env, { hostile = false, onLine } = {}) {
  const estates = hostile ? ['--estate', DEMO_ESTATE, '--estate', HOSTILE_ESTATE] : [];
  const localAws = await startLocalAws(
    env,
    ['--port', String(LOCAL_AWS_PORT), '--event-queue', DEMO_EVENT_QUEUE, ...estates],
    onLine,
  );
  const configs = hostile
    ? ['--config', path.join(repoRoot, 'app-config.yaml'), '--config', HOSTILE_CONFIG]
    : [];
  const portal = spawn('backstage-cli', ['repo', 'start', ...configs], {
    cwd: repoRoot,
    env: { ...env, ...demoAwsEnv(), BROWSER: 'none' },
    stdio: onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    detached: true,
  });
  if (onLine) prefixOutput(portal, 'portal', onLine);
  const stop = async () => {
    // The portal is a process group (CLI, backend, frontend dev server).
    await stopAndWait(-portal.pid);
    await stopAndWait(localAws.pid);
  };
  try {
    await waitForUrl(`${BACKEND_URL}/api/ecs-networking/health`, 300_000);
    await waitForUrl(APP_URL, 300_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

const STOP_GRACE_MS = 10_000;

/**
 * SIGTERM to a process (or, with a negative pid, a process group), and wait
 * until it is gone (SIGKILL after a grace period). The caller must stay alive and keep
 * reading their output meanwhile: a backend shutting down with its stdout
 * pipe closed fails every log write, logs that failure, and spins at full
 * CPU instead of exiting.
 */
async function stopAndWait(pid) {
  const signal = name => {
    try {
      process.kill(pid, name);
      return true;
    } catch {
      return false; // already gone
    }
  };
  if (!signal('SIGTERM')) return;
  const deadline = Date.now() + STOP_GRACE_MS;
  while (signal(0)) {
    if (Date.now() > deadline) {
      signal('SIGKILL');
      return;
    }
    await new Promise(r => setTimeout(r, 200));
  }
}
