// The adoption test: a platform team's first day with these packages. A new
// app from a pinned @backstage/create-app, the release tarballs installed by
// name with the commands of the README's "Install" section (served by a
// loopback registry for the @ecs-net scope; everything else comes from the
// npm registry), the README's backend.add(...) lines, then: the app's tsc and
// frontend build pass, the backend becomes ready on loopback against the
// local AWS endpoint, the catalog and the scaffolder have what the plugins
// add, Chromium renders the page, the entity card and the Network tab with no
// console error, and the CLI from its tarball scans the estate.
//
//   node scripts/run.mjs node scripts/adoption/adoption.mjs [--tarballs DIR] [--keep]
//
// Without --tarballs it runs `release:pack` first; --keep leaves the app's
// node_modules in .cache/adoption/app. Cached between runs in .cache/adoption/
// (ignored by git; a fresh clone builds it on its first run): the pinned
// create-app and yarn, yarn's package cache, and the result of `yarn install`
// for the same app manifests (see yarnInstall). The app itself is created anew
// every run.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  lstatSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../toolchain.mjs';
import { demoAwsEnv, startLocalAws, waitForUrl } from '../stack.mjs';
import { manifestOf, startRegistry } from './registry.mjs';
import { browserChecks } from './browser.mjs';

/** The create-app release the test is pinned to, and the yarn that runs it. */
export const CREATE_APP_VERSION = '0.9.2';
const YARN_CLASSIC_VERSION = '1.22.22';

/**
 * Without create-app's seed lockfile (fetched from GitHub, which this machine
 * cannot reach) the fresh app resolves @backstage/backend-defaults 0.18.0
 * next to @backstage/plugin-signals-backend 0.3.21, and the backend dies at
 * startup: `httpRouter.addWebSocketHandler is not a function` (signals needs
 * the router of backend-defaults 0.19). The seed lockfile would pair them;
 * here the pin does.
 */
const PINS = { 'packages/backend': { '@backstage/backend-defaults': '^0.19.0' } };

/** Numeric [major, minor, patch] of a plain version (prereleases are not expected here). */
const parts = version => version.split('-')[0].split('.').map(Number);
const compare = (a, b) => {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};
/** Whether `version` is in `range`, for the range forms package.json files here use: ^, ~, exact, *. */
export function inRange(version, range) {
  if (range === '*' || range === '') return true;
  const [op, base] = range.startsWith('^') || range.startsWith('~') ? [range[0], range.slice(1)] : ['=', range];
  if (!/^\d+\.\d+\.\d+/.test(base)) return false;
  const [v, b] = [parts(version), parts(base)];
  if (compare(version, base) < 0) return false;
  if (op === '=') return compare(version, base) === 0;
  if (op === '~') return v[0] === b[0] && v[1] === b[1];
  if (b[0] > 0) return v[0] === b[0];
  if (b[1] > 0) return v[0] === 0 && v[1] === b[1];
  return v[0] === 0 && v[1] === 0 && v[2] === b[2];
}

const PORTS = { backend: 7117, localAws: 4577 };
const BASE_URL = `http://127.0.0.1:${PORTS.backend}`;
const SCAFFOLDER_ACTIONS = [
  'ecs-networking:validate',
  'ecs-networking:validate-terraform',
  'ecs-networking:describe-service',
];

const cacheDir = path.join(repoRoot, '.cache', 'adoption');
const toolsDir = path.join(cacheDir, 'tools');
const appDir = path.join(cacheDir, 'app');
const baseDir = path.join(cacheDir, 'base');
const logDir = path.join(repoRoot, 'test-results', 'adoption');

// --- processes -------------------------------------------------------------

const running = new Set();

/** Runs a command to completion, output to a log file; kills its process group after `timeoutMs`. */
function run(name, cmd, args, { cwd = appDir, env, timeoutMs }) {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  log.write(`$ ${cmd} ${args.join(' ')}\n  (in ${cwd})\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const timer = setTimeout(() => {
      log.write(`\n[adoption] timed out after ${timeoutMs / 1000}s\n`);
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', code => {
      clearTimeout(timer);
      running.delete(child);
      log.end(() => {
        if (code === 0) resolve(readFileSync(logFile, 'utf8'));
        else reject(new StepError(`${cmd} ${args.join(' ')} exited with ${code}`, logFile));
      });
    });
  });
}

/** Starts a long-running command in its own process group; output to a log file. */
function start(name, cmd, args, { cwd = appDir, env }) {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('close', () => running.delete(child));
  child.logFile = logFile;
  return child;
}

function killGroup(child, signal) {
  try {
    // Children started here lead their own process group; the local AWS
    // endpoint (started by scripts/stack.mjs) does not.
    process.kill(child.ownGroup === false ? child.pid : -child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to every process group still running, SIGKILL after 10 s. */
async function stopAll() {
  for (const child of running) killGroup(child, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (running.size > 0 && Date.now() < deadline) await sleep(200);
  for (const child of running) killGroup(child, 'SIGKILL');
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

class StepError extends Error {
  constructor(message, logFile) {
    super(message);
    this.logFile = logFile;
  }
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// --- steps ------------------------------------------------------------------

/** The README's "Install" section: its shell commands and its backend.add lines. */
export function readmeInstall() {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Install');
  if (start < 0) throw new Error('README.md has no "## Install" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(m => ({ lang: m[1], body: m[2] }));
  const lines = lang => blocks.filter(b => b.lang === lang).flatMap(b => b.body.split('\n')).map(l => l.trim());
  return {
    yarnAdds: lines('sh').filter(l => /^yarn (--cwd \S+ )?add /.test(l)),
    backendAdds: lines('ts').filter(l => /^backend\.add\(import\('[^']+'\)\);/.test(l)),
    preapprove: lines('yaml').some(l => l.includes("'@ecs-net/*'")),
  };
}

function yarnEnv(env) {
  return {
    ...env,
    PATH: `${path.join(toolsDir, 'node_modules', '.bin')}${path.delimiter}${env.PATH}`,
    // yarn's package cache survives between runs; the app does not.
    YARN_GLOBAL_FOLDER: path.join(cacheDir, 'yarn'),
    YARN_ENABLE_GLOBAL_CACHE: 'true',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: 'false',
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    YARN_ENABLE_HARDENED_MODE: '0',
    BACKSTAGE_APP_NAME: 'adoption-app',
    // Native modules (better-sqlite3) build against the project's Node
    // (npm_config_nodedir, set by scripts/toolchain.mjs): their prebuilt
    // binaries and node-gyp's headers live on hosts this machine cannot reach.
  };
}

async function ensureTools(env) {
  const marker = path.join(toolsDir, `.versions-${CREATE_APP_VERSION}-${YARN_CLASSIC_VERSION}`);
  if (existsSync(marker)) return 'cached';
  rmSync(toolsDir, { recursive: true, force: true });
  mkdirSync(toolsDir, { recursive: true });
  await run('tools', 'npm', [
    'install', '--prefix', toolsDir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund',
    `@backstage/create-app@${CREATE_APP_VERSION}`, `yarn@${YARN_CLASSIC_VERSION}`,
  ], { cwd: repoRoot, env, timeoutMs: 180_000 });
  writeFileSync(marker, '');
  return 'installed';
}

function editJson(file, edit) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

async function createApp(env) {
  park();
  remove(appDir);
  await run('create-app', 'node', [
    path.join(toolsDir, 'node_modules', '@backstage', 'create-app', 'bin', 'backstage-create-app'),
    '--path', appDir, '--skip-install',
  ], { cwd: cacheDir, env, timeoutMs: 180_000 });
  for (const [dir, pins] of Object.entries(PINS)) {
    editJson(path.join(appDir, dir, 'package.json'), pkg => Object.assign(pkg.dependencies, pins));
  }
}

// What `yarn install` leaves in the app is kept for the next run in
// .cache/adoption/base: the lockfile and install state as they were after
// `yarn install` (before the release packages were added), and the
// node_modules trees, moved there (a rename: deleting or copying 1.3 GB of
// small files takes minutes here). A run whose new app has the same manifests
// (same create-app, pins and Node) moves them back and runs `yarn install`,
// which removes what the last run added and relinks; the native builds
// (better-sqlite3, tree-sitter, ssh2, ...) that take minutes on 2 cores are
// not redone. Nothing of the app's own files or of the release is cached.
// ECSNET_ADOPTION_NO_CACHE=1 starts cold.
const MOVED = ['node_modules', 'packages/app/node_modules', 'packages/backend/node_modules'];
const COPIED = ['yarn.lock', '.yarn/install-state.gz'];

function installKey(env) {
  const hash = createHash('sha256');
  hash.update(spawnSync('node', ['-v'], { env, encoding: 'utf8' }).stdout);
  for (const file of ['package.json', 'packages/app/package.json', 'packages/backend/package.json', '.yarnrc.yml', 'yarn.lock']) {
    hash.update(file);
    hash.update(readFileSync(path.join(appDir, file)));
  }
  return hash.digest('hex');
}

/** `rm -rf`: much faster than fs.rmSync over a node_modules tree. */
function remove(target) {
  const result = spawnSync('rm', ['-rf', target]);
  if (result.status !== 0) throw new Error(`rm -rf ${target}: ${result.stderr}`);
}

function move(from, to, names) {
  for (const name of names) {
    if (!existsSync(path.join(from, name)) || existsSync(path.join(to, name))) continue;
    mkdirSync(path.dirname(path.join(to, name)), { recursive: true });
    renameSync(path.join(from, name), path.join(to, name));
  }
}

function copy(from, to, names) {
  for (const name of names) {
    mkdirSync(path.dirname(path.join(to, name)), { recursive: true });
    copyFileSync(path.join(from, name), path.join(to, name));
  }
}

/** Moves the app's node_modules back into the cache (after a run, or left by an interrupted one). */
function park() {
  if (existsSync(path.join(baseDir, '.key'))) move(appDir, baseDir, MOVED);
}

async function yarnInstall(env) {
  const key = installKey(env);
  const keyFile = path.join(baseDir, '.key');
  const cached =
    !process.env.ECSNET_ADOPTION_NO_CACHE &&
    existsSync(keyFile) &&
    readFileSync(keyFile, 'utf8') === key &&
    MOVED.slice(0, 1).every(name => existsSync(path.join(baseDir, name)));
  if (cached) {
    copy(baseDir, appDir, COPIED);
    move(baseDir, appDir, MOVED);
  } else {
    remove(baseDir);
  }
  await run('yarn-install', 'yarn', ['install'], { env, timeoutMs: 900_000 });
  if (!cached) {
    copy(appDir, baseDir, COPIED);
    writeFileSync(keyFile, key);
  }
  return cached ? 'node_modules of the last run with the same manifests, relinked' : 'cold (now cached)';
}

/** Points the @ecs-net scope at the loopback registry (users: the npm registry, the default). */
function useScopeRegistry(url, preapprove) {
  const file = path.join(appDir, '.yarnrc.yml');
  let text = readFileSync(file, 'utf8');
  if (preapprove) {
    // The README's step for a release younger than create-app's 3-day age gate.
    text = text.replace(/npmPreapprovedPackages:\n/, "npmPreapprovedPackages:\n  - '@ecs-net/*'\n");
  }
  text += `npmScopes:\n  ecs-net:\n    npmRegistryServer: '${url}'\nunsafeHttpWhitelist:\n  - '127.0.0.1'\n`;
  writeFileSync(file, text);
}

function addBackendFeatures(lines) {
  const file = path.join(appDir, 'packages', 'backend', 'src', 'index.ts');
  const source = readFileSync(file, 'utf8');
  if (!source.includes('backend.start();')) throw new Error(`${file} has no backend.start()`);
  writeFileSync(file, source.replace('backend.start();', `// ECS networking (README "Install")\n${lines.join('\n')}\n\nbackend.start();`));
}

async function json(url, token) {
  const response = await fetch(`${BASE_URL}${url}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function guestToken() {
  const response = await fetch(`${BASE_URL}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`guest sign-in: ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

async function catalogServices(token) {
  const items = [];
  let cursor;
  do {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) query.set('cursor', cursor);
    else query.set('filter', 'kind=resource,spec.type=ecs-service');
    const page = await json(`/api/catalog/entities/by-query?${query}`, token);
    items.push(...page.items);
    cursor = page.pageInfo?.nextCursor;
  } while (cursor);
  return items;
}

/** Polls until the plugin's network and the catalog hold the same services. */
async function waitForSync(token, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing yet';
  for (;;) {
    try {
      const network = await json('/api/ecs-networking/network', token);
      const services = await catalogServices(token);
      last = `${network.services.length} services in /api/ecs-networking/network, ${services.length} ECS service Resources in the catalog`;
      if (network.services.length > 0 && services.length === network.services.length) {
        return { network, services };
      }
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`not synced within ${timeoutMs / 1000}s: ${last}`);
    await sleep(2000);
  }
}

/** Every version of every @backstage package installed in the app (all copies, nested too). */
function backstageCopies() {
  const versions = {};
  const walk = nodeModules => {
    if (!existsSync(nodeModules)) return;
    for (const entry of readdirSync(nodeModules)) {
      if (entry.startsWith('.')) continue;
      const dirs = entry.startsWith('@')
        ? readdirSync(path.join(nodeModules, entry)).map(name => path.join(nodeModules, entry, name))
        : [path.join(nodeModules, entry)];
      for (const dir of dirs) {
        if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue; // workspaces are links
        const manifest = path.join(dir, 'package.json');
        if (entry === '@backstage' && existsSync(manifest)) {
          const name = `@backstage/${path.basename(dir)}`;
          (versions[name] ??= new Set()).add(JSON.parse(readFileSync(manifest, 'utf8')).version);
        }
        walk(path.join(dir, 'node_modules'));
      }
    }
  };
  for (const dir of ['.', 'packages/app', 'packages/backend']) walk(path.join(appDir, dir, 'node_modules'));
  return Object.fromEntries(Object.entries(versions).map(([k, v]) => [k, [...v].sort()]));
}

// --- the test ---------------------------------------------------------------

export async function adoptionTest(env, { tarballs: tarballDir, keep = false } = {}) {
  const results = [];
  const facts = {};
  let registry;
  let failed = false;
  mkdirSync(cacheDir, { recursive: true });
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const yenv = yarnEnv(env);
  // Interrupted (Ctrl-C, a CI timeout): stop what was started, then exit.
  const onSignal = signal => {
    stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const awsEnv = { ...yenv, ...demoAwsEnv(PORTS.localAws) };

  const step = async (name, fn) => {
    if (failed) {
      results.push({ name, status: 'skipped' });
      return undefined;
    }
    const started = Date.now();
    process.stdout.write(`[adoption] ${name} ...\n`);
    try {
      const detail = await fn();
      const seconds = (Date.now() - started) / 1000;
      results.push({ name, status: 'ok', seconds, detail });
      process.stdout.write(`[adoption] ${name}: ok (${seconds.toFixed(0)}s)${detail ? ` — ${detail}` : ''}\n`);
      return detail;
    } catch (error) {
      failed = true;
      const seconds = (Date.now() - started) / 1000;
      results.push({ name, status: 'FAILED', seconds, detail: error.message });
      process.stdout.write(`[adoption] ${name}: FAILED (${seconds.toFixed(0)}s) — ${error.message}\n`);
      if (error.logFile) process.stdout.write(`--- last lines of ${error.logFile}\n${tail(error.logFile)}\n---\n`);
      return undefined;
    }
  };

  try {
    let files = [];
    await step('release tarballs', async () => {
      if (!tarballDir) {
        const { releasePack, RELEASE_DIR } = await import('../release.mjs');
        await releasePack({ env });
        tarballDir = RELEASE_DIR;
      }
      files = readdirSync(tarballDir).filter(f => f.endsWith('.tgz')).map(f => path.join(tarballDir, f));
      if (files.length === 0) throw new Error(`no tarballs in ${tarballDir}`);
      return `${files.length} tarballs from ${path.relative(repoRoot, tarballDir) || tarballDir}`;
    });
    const install = readmeInstall();
    await step('tools: create-app and yarn from the npm registry', () => ensureTools(env));
    await step(`create app (@backstage/create-app@${CREATE_APP_VERSION})`, async () => {
      await createApp(yenv);
      return `pinned ${JSON.stringify(PINS)}`;
    });
    await step('yarn install (fresh app)', () => yarnInstall(yenv));
    await step('README install: yarn add the release by name', async () => {
      if (install.yarnAdds.length < 2) throw new Error(`README "Install" has ${install.yarnAdds.length} yarn add commands`);
      const before = backstageCopies();
      registry = await startRegistry(files);
      useScopeRegistry(registry.url, install.preapprove);
      for (const [i, line] of install.yarnAdds.entries()) {
        const args = line.split(/\s+/).slice(1);
        await run(`yarn-add-${i + 1}`, 'yarn', args, { env: yenv, timeoutMs: 300_000 });
      }
      const served = registry.requests.filter(r => r.endsWith('.tgz')).length;
      if (served !== files.length) throw new Error(`the registry served ${served} of ${files.length} tarballs`);
      facts.backstageVersions = backstageCopies();
      // The packages must take the app's copy of each Backstage package it
      // already has (its newest, the release line its own plugins use), not
      // bring a second one.
      const behind = [];
      for (const file of files) {
        const manifest = manifestOf(file);
        for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })) {
          const present = before[name];
          if (!name.startsWith('@backstage/') || !present?.length) continue;
          const newest = present.reduce((a, b) => (compare(a, b) > 0 ? a : b));
          if (!inRange(newest, range)) behind.push(`${manifest.name} wants ${name}@${range}, the app has ${newest}`);
        }
      }
      if (behind.length) throw new Error(`second copies of Backstage packages:\n  ${behind.join('\n  ')}`);
      return `${install.yarnAdds.join('; ')}; every @backstage dependency takes the app's copy`;
    });
    await step('README install: backend.add lines', async () => {
      if (!install.backendAdds.some(l => l.includes('plugin-events-backend'))) {
        throw new Error('README "Install" does not add @backstage/plugin-events-backend');
      }
      addBackendFeatures(install.backendAdds);
      return `${install.backendAdds.length} lines`;
    });
    await step('app type check (yarn tsc)', () => run('tsc', 'yarn', ['tsc'], { env: yenv, timeoutMs: 600_000 }).then(() => undefined));
    const configArgs = ['--config', path.join(appDir, 'app-config.yaml'), '--config', path.join(repoRoot, 'scripts', 'adoption', 'app-config.adoption.yaml')];
    await step('frontend build (yarn workspace app build)', () =>
      run('app-build', 'yarn', ['workspace', 'app', 'build', ...configArgs], { env: yenv, timeoutMs: 900_000 }).then(() => undefined),
    );
    let localAws;
    await step('local AWS endpoint', async () => {
      const log = createWriteStream(path.join(logDir, 'local-aws.log'));
      try {
        localAws = await startLocalAws(env, ['--port', String(PORTS.localAws)], (_label, line) => log.write(`${line}\n`));
      } catch (error) {
        throw new StepError(error.message, path.join(logDir, 'local-aws.log'));
      }
      localAws.ownGroup = false;
      running.add(localAws);
      localAws.on('exit', () => running.delete(localAws));
      return `127.0.0.1:${PORTS.localAws}`;
    });
    let backend;
    await step('backend ready (/api/ecs-networking/health)', async () => {
      backend = start('backend', 'yarn', ['workspace', 'backend', 'start', ...configArgs], { env: awsEnv });
      const exited = new Promise((_, reject) =>
        backend.on('close', code => reject(new StepError(`backend exited with ${code}`, backend.logFile))),
      );
      await Promise.race([waitForUrl(`${BASE_URL}/api/ecs-networking/health`, 240_000), exited]);
      const health = await json('/api/ecs-networking/health');
      return JSON.stringify(health);
    });
    let token;
    let synced;
    await step('catalog: ECS service Resources with ecs-networking.io annotations', async () => {
      token = await guestToken();
      synced = await waitForSync(token, 180_000);
      const missing = synced.services.filter(
        e => !e.metadata.annotations?.['ecs-networking.io/service-arn'] || !e.metadata.annotations?.['ecs-networking.io/region'],
      );
      if (missing.length) throw new Error(`${missing.length} Resources without ecs-networking.io annotations`);
      const query = new URLSearchParams({ limit: '1', filter: 'metadata.annotations.ecs-networking.io/account-id' });
      const all = await json(`/api/catalog/entities/by-query?${query}`, token);
      facts.catalog = { services: synced.services.length, ecsEntities: all.totalItems };
      return `${synced.services.length} services, ${all.totalItems} entities with ecs-networking.io annotations`;
    });
    await step('scaffolder: the three actions are registered', async () => {
      const actions = await json('/api/scaffolder/v2/actions', token);
      const ids = actions.map(a => a.id);
      const missing = SCAFFOLDER_ACTIONS.filter(id => !ids.includes(id));
      if (missing.length) throw new Error(`missing ${missing.join(', ')}`);
      return SCAFFOLDER_ACTIONS.join(', ');
    });
    await step('Chromium: network page, entity card, Network tab', async () => {
      const service = synced.services.find(e => e.metadata.name.startsWith('order-service')) ?? synced.services[0];
      return browserChecks({ baseUrl: BASE_URL, service, screenshots: logDir, totalServices: synced.network.services.length });
    });
    await step('CLI from its tarball: npx ecs-networking scan', async () => {
      const output = await run('cli-scan', 'npx', ['--no-install', 'ecs-networking', 'scan', '--region', 'eu-west-1,us-east-1', '--format', 'json'], {
        env: awsEnv,
        timeoutMs: 120_000,
      });
      const body = output.slice(output.indexOf('{'));
      const scan = JSON.parse(body);
      const read = scan.scopes.filter(s => s.read).length;
      if (scan.services.length === 0 || read === 0) throw new Error(`scan read ${read} scopes, ${scan.services.length} services`);
      return `${read}/${scan.scopes.length} scopes, ${scan.services.length} services`;
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll();
    await registry?.close();
    // The app stays for a look (test-results/adoption has its logs) until
    // the next run; its node_modules go back to the cache unless --keep.
    if (!keep) park();
  }

  process.stdout.write('\n[adoption] summary\n');
  for (const r of results) {
    const time = r.seconds === undefined ? '' : ` (${r.seconds.toFixed(0)}s)`;
    process.stdout.write(`  ${r.status.padEnd(7)} ${r.name}${time}\n`);
  }
  const keyVersions = [
    'backend-defaults', 'backend-plugin-api', 'frontend-plugin-api', 'frontend-defaults', 'plugin-catalog-backend',
    'plugin-catalog-node', 'plugin-catalog-react', 'plugin-scaffolder-backend', 'plugin-scaffolder-node',
    'plugin-scaffolder-react', 'plugin-events-backend', 'plugin-events-node', 'plugin-signals-backend', 'cli',
  ];
  if (facts.backstageVersions) {
    process.stdout.write('[adoption] Backstage versions in the fresh app:\n');
    for (const name of keyVersions) {
      const v = facts.backstageVersions[`@backstage/${name}`];
      if (v) process.stdout.write(`  @backstage/${name} ${v.join(', ')}\n`);
    }
  }
  writeFileSync(path.join(logDir, 'summary.json'), `${JSON.stringify({ results, facts }, null, 2)}\n`);
  process.stdout.write(`[adoption] logs and screenshots in ${path.relative(repoRoot, logDir)}/\n`);
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { prepare } = await import('../toolchain.mjs');
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--tarballs');
  const code = await adoptionTest(prepare(), {
    tarballs: at >= 0 ? path.resolve(argv[at + 1]) : undefined,
    keep: argv.includes('--keep'),
  });
  process.exit(code);
}
