// `npm test`: installs what is missing (Node 22, npm packages, Chromium and
// the AWS CLI from Debian), then runs the unit and integration tests (jest),
// the type check, and the browser tests against the running demo portal.
import { AWS_CLI, CHROMIUM, ensureAptPackages, POSTGRESQL, prepare, repoRoot, runAsync } from './toolchain.mjs';
import { startStack } from './stack.mjs';

const env = { ...prepare(), CI: 'true' };
ensureAptPackages([CHROMIUM, AWS_CLI, POSTGRESQL]);

const results = [];
async function step(name, fn) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const code = await fn();
  results.push({ name, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

await step('type check (tsc)', () => runAsync('tsc', ['--noEmit'], { cwd: repoRoot, env }));
await step('unit and integration tests (jest)', () =>
  runAsync('backstage-cli', ['repo', 'test', '--maxWorkers=2'], { cwd: repoRoot, env }),
);
await step('browser tests (Playwright + Chromium)', async () => {
  let stop;
  try {
    stop = await startStack(env, { quiet: true });
    return await runAsync('playwright', ['test'], { cwd: repoRoot, env });
  } catch (error) {
    process.stderr.write(`${error}\n`);
    return 1;
  } finally {
    stop?.();
  }
});

process.stdout.write('\n');
for (const r of results) {
  process.stdout.write(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name} (${r.seconds}s)\n`);
}
process.exit(results.every(r => r.ok) ? 0 : 1);
