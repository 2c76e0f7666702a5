// Brings a fresh clone to a runnable state using only the npm registry and
// Debian apt. Runs on whatever Node the machine has (20 here): current
// Backstage needs Node 22+, so a pinned Node 22 is fetched from the npm
// registry into .tools/ when the system one is older.
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);

const NODE_VERSION = '22.23.3';
const toolsDir = path.join(repoRoot, '.tools', `node-${NODE_VERSION}`);

function log(message) {
  process.stdout.write(`[setup] ${message}\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}`);
  }
}

function nodePackageName() {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  return `node-${platform}-${process.arch}`;
}

/** Returns the environment every project command runs in. */
export function ensureNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) {
    // Build native addons against this Node's own headers: an npm from the
    // distribution may default `nodedir` to the system Node's (Debian: /usr).
    const root = path.resolve(process.execPath, '..', '..');
    return existsSync(path.join(root, 'include', 'node', 'node.h'))
      ? { ...process.env, npm_config_nodedir: root }
      : { ...process.env };
  }
  const pkgDir = path.join(toolsDir, 'node_modules', nodePackageName());
  const binDir = path.join(pkgDir, 'bin');
  if (!existsSync(path.join(binDir, 'node'))) {
    log(`Node ${process.versions.node} is too old for Backstage; fetching Node ${NODE_VERSION} from the npm registry`);
    run('npm', [
      'install',
      '--prefix',
      toolsDir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `${nodePackageName()}@${NODE_VERSION}`,
    ]);
  }
  return {
    ...process.env,
    PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
    // Native addons (better-sqlite3) must be compiled against the Node that
    // loads them, not the system one.
    npm_config_nodedir: pkgDir,
  };
}

function workspaceManifests() {
  const files = [path.join(repoRoot, 'package.json')];
  for (const dir of ['packages', 'plugins']) {
    const base = path.join(repoRoot, dir);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const manifest = path.join(base, name, 'package.json');
      if (existsSync(manifest)) files.push(manifest);
    }
  }
  return files;
}

function installFingerprint(env) {
  const hash = createHash('sha256');
  const lock = path.join(repoRoot, 'package-lock.json');
  for (const file of [lock, ...workspaceManifests()]) {
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  const nodeVersion = spawnSync('node', ['-v'], { env, encoding: 'utf8' }).stdout;
  hash.update(nodeVersion);
  return hash.digest('hex');
}

/** Installs node_modules when the lockfile, a manifest or the Node version changed. */
export function ensureDependencies(env) {
  const stamp = path.join(repoRoot, 'node_modules', '.ecs-networking-install');
  const fingerprint = installFingerprint(env);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
    return;
  }
  // A fresh clone gets exactly the lockfile (`npm ci`); a working copy whose
  // manifests changed gets an incremental install.
  const fresh =
    !existsSync(path.join(repoRoot, 'node_modules')) &&
    existsSync(path.join(repoRoot, 'package-lock.json'));
  log(`installing dependencies (npm ${fresh ? 'ci' : 'install'})`);
  run('npm', [fresh ? 'ci' : 'install', '--no-audit', '--no-fund'], {
    cwd: repoRoot,
    env,
  });
  writeFileSync(stamp, installFingerprint(env));
}

/**
 * Debian packages the tests need (Chromium for Playwright, the AWS CLI v2 for
 * the wire tests, PostgreSQL for the multi-replica test).
 */
export function ensureAptPackages(packages) {
  const missing = packages.filter(p => !existsSync(p.binary));
  if (missing.length === 0) return;
  const names = missing.map(p => p.name);
  log(`installing Debian packages: ${names.join(', ')}`);
  const asRoot = !process.getuid || process.getuid() === 0;
  const aptGet = args =>
    run(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['apt-get', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...names]);
}

export const CHROMIUM = { name: 'chromium', binary: '/usr/bin/chromium' };
export const AWS_CLI = { name: 'awscli', binary: '/usr/bin/aws' };
/** Debian 12's server, for the two-replica test; the test starts its own cluster. */
export const POSTGRESQL = { name: 'postgresql', binary: '/usr/lib/postgresql/15/bin/postgres' };

/** Runs a command to completion with inherited stdio; resolves to its exit code. */
export function runAsync(cmd, args, options) {
  return new Promise(resolve => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('exit', code => resolve(code ?? 1));
  });
}

export function prepare() {
  const env = ensureNode();
  ensureDependencies(env);
  return {
    ...env,
    PATH: `${path.join(repoRoot, 'node_modules', '.bin')}${path.delimiter}${env.PATH}`,
  };
}
