import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_PARTS, BenchPart, formatResults, runBench } from './runBench';

async function main() {
  const smoke = process.argv.includes('--smoke');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : undefined;
  const unknown = only?.find(part => !(BENCH_PARTS as readonly string[]).includes(part));
  if (unknown !== undefined) {
    throw new Error(`--only ${unknown}: expected a comma-separated list of ${BENCH_PARTS.join(', ')}`);
  }
  const results = await runBench({
    smoke,
    only: only as BenchPart[] | undefined,
    log: line => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${formatResults(results)}\n`);
  const dir = path.resolve(__dirname, '../../../bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, smoke ? 'smoke.json' : 'latest.json');
  // A partial run replaces only its own parts of the last results.
  const previous = only && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const ran = Object.entries(results).filter(
    ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
  writeFileSync(file, `${JSON.stringify({ ...previous, ...Object.fromEntries(ran) }, null, 2)}\n`);
  process.stderr.write(`results written to ${path.relative(process.cwd(), file)}\n`);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
