// `npm run release:pack`: type-checks, builds every publishable package and
// writes one tarball per package into release/ (ignored by git), through the
// packages' own `prepack`/`postpack` scripts (`backstage-cli package
// prepack`/`postpack`) and `npm pack`. Then checks every tarball: `main`,
// `module`, `types`, `exports`, `typesVersions` and `bin` must name files in
// dist/ that are in the tarball, and no src/ may be packed.
//
// `npm run build` is the same without the packing (`--build-only`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { prepare, repoRoot, runAsync } from './toolchain.mjs';

export const RELEASE_DIR = path.join(repoRoot, 'release');

/** Workspace packages that are published: not private, with a Backstage role. */
export function publishablePackages() {
  const result = [];
  for (const base of ['plugins', 'packages']) {
    for (const name of readdirSync(path.join(repoRoot, base)).sort()) {
      const dir = path.join(repoRoot, base, name);
      const file = path.join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.private || !pkg.backstage?.role) continue;
      result.push({ dir, pkg });
    }
  }
  // Dependencies first: common, then what uses it (only matters for logs).
  const rank = ({ pkg }) =>
    ({ 'common-library': 0, 'node-library': 1, 'backend-plugin': 2, 'backend-plugin-module': 3, 'frontend-plugin': 4, cli: 5 })[
      pkg.backstage.role
    ] ?? 6;
  return result.sort((a, b) => rank(a) - rank(b));
}

/** `@ecs-net/plugin-x` version 0.1.0 → `ecs-net-plugin-x-0.1.0.tgz`, as npm names it. */
export function tarballName(pkg) {
  return `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;
}

function listTarball(file) {
  const result = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cannot list ${file}: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean);
}

function readTarballManifest(file) {
  const result = spawnSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`no package.json in ${file}`);
  return JSON.parse(result.stdout);
}

/** Every entry point of a packed manifest, as [field, path] pairs. */
function entryPoints(manifest) {
  const points = [];
  for (const field of ['main', 'module', 'types', 'typings', 'browser']) {
    if (typeof manifest[field] === 'string') points.push([field, manifest[field]]);
  }
  if (typeof manifest.bin === 'string') points.push(['bin', manifest.bin]);
  for (const [name, target] of Object.entries(manifest.bin && typeof manifest.bin === 'object' ? manifest.bin : {})) {
    points.push([`bin.${name}`, target]);
  }
  const walk = (value, where) => {
    if (typeof value === 'string') points.push([where, value]);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // `backstage` names the feature an entry point exports, not a file.
        if (key !== 'backstage') walk(inner, `${where}[${key}]`);
      }
    }
  };
  walk(manifest.exports, 'exports');
  walk(manifest.typesVersions, 'typesVersions');
  return points;
}

/** Problems with one tarball; empty when it is publishable. */
export function checkTarball(file) {
  const entries = new Set(listTarball(file).map(e => e.replace(/^package\//, '')));
  const manifest = readTarballManifest(file);
  const problems = [];
  const points = entryPoints(manifest);
  if (!points.some(([field]) => field === 'main')) problems.push('no main');
  for (const [field, target] of points) {
    const rel = path.posix.normalize(target.replace(/^\.\//, ''));
    if (rel === 'package.json') continue;
    if (!rel.startsWith('dist/')) problems.push(`${field} is ${target}, not in dist/`);
    if (!entries.has(rel)) problems.push(`${field} is ${target}, which is not in the tarball`);
  }
  for (const entry of entries) {
    if (entry.startsWith('src/')) problems.push(`packs ${entry}`);
  }
  if (!entries.has('LICENSE')) problems.push('no LICENSE');
  for (const field of ['license', 'repository', 'homepage', 'keywords']) {
    if (!manifest[field]) problems.push(`no ${field}`);
  }
  for (const [kind, deps] of Object.entries({
    dependencies: manifest.dependencies,
    peerDependencies: manifest.peerDependencies,
  })) {
    for (const [name, range] of Object.entries(deps ?? {})) {
      if (range === '*' || /^(workspace|file|link):/.test(range)) {
        problems.push(`${kind} ${name} is "${range}"`);
      }
    }
  }
  return { manifest, problems };
}

function step(name) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  return () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    process.stdout.write(`--- ${name}: ${seconds}s\n`);
  };
}

async function must(code, what) {
  if ((await code) !== 0) {
    throw new Error(`${what} failed`);
  }
}

/** Restores a package.json that an interrupted `npm pack` left prepacked. */
async function restoreManifest(dir, env) {
  if (existsSync(path.join(dir, 'package.json-prepack'))) {
    await runAsync('backstage-cli', ['package', 'postpack'], { cwd: dir, env });
  }
}

export async function releasePack({ buildOnly = false, env = prepare() } = {}) {
  const packages = publishablePackages();

  let done = step('type check and declarations (tsc)');
  // Declarations go to dist-types/, which the package builds read.
  await must(runAsync('tsc', [], { cwd: repoRoot, env }), 'tsc');
  done();

  done = step(`build ${packages.length} packages (backstage-cli package build)`);
  for (const { dir, pkg } of packages) {
    process.stdout.write(`${pkg.name}\n`);
    await must(runAsync('backstage-cli', ['package', 'build'], { cwd: dir, env }), `build of ${pkg.name}`);
  }
  done();
  if (buildOnly) return [];

  done = step('pack (backstage-cli package prepack, npm pack, postpack)');
  rmSync(RELEASE_DIR, { recursive: true, force: true });
  mkdirSync(RELEASE_DIR, { recursive: true });
  for (const { dir, pkg } of packages) {
    try {
      // npm runs the package's prepack and postpack scripts around the pack.
      await must(
        runAsync('npm', ['pack', '--pack-destination', RELEASE_DIR, '--loglevel', 'warn'], { cwd: dir, env }),
        `npm pack of ${pkg.name}`,
      );
    } finally {
      await restoreManifest(dir, env);
    }
  }
  done();

  done = step('check the tarballs');
  const tarballs = [];
  let failed = false;
  for (const { pkg } of packages) {
    const file = path.join(RELEASE_DIR, tarballName(pkg));
    if (!existsSync(file)) {
      process.stdout.write(`FAIL ${pkg.name}: ${file} was not written\n`);
      failed = true;
      continue;
    }
    const { manifest, problems } = checkTarball(file);
    const points = entryPoints(manifest)
      .filter(([field]) => ['main', 'types'].includes(field) || field.startsWith('bin'))
      .map(([field, target]) => `${field}=${target}`)
      .join(' ');
    process.stdout.write(`${problems.length ? 'FAIL' : 'ok  '} ${path.basename(file)} ${points}\n`);
    for (const problem of problems) process.stdout.write(`       ${problem}\n`);
    failed ||= problems.length > 0;
    tarballs.push({ name: pkg.name, version: pkg.version, file });
  }
  done();
  if (failed) throw new Error('some tarballs are not publishable');
  return tarballs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await releasePack({ buildOnly: process.argv.includes('--build-only') });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
