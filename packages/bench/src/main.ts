import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatResults, runBench } from './runBench';

async function main() {
  const smoke = process.argv.includes('--smoke');
  const results = await runBench({ smoke, log: line => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${formatResults(results)}\n`);
  const dir = path.resolve(__dirname, '../../../bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, smoke ? 'smoke.json' : 'latest.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write(`results written to ${path.relative(process.cwd(), file)}\n`);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
