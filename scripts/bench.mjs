// `npm run bench [-- --smoke]`: benchmarks against the local AWS endpoint.
import { createRequire } from 'node:module';
import path from 'node:path';
import { prepare, repoRoot, runAsync } from './toolchain.mjs';

const require = createRequire(import.meta.url);
const env = prepare();
process.exit(
  await runAsync(
    'node',
    [
      '--expose-gc',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', { paths: [repoRoot] }),
      path.join(repoRoot, 'packages/bench/src/main.ts'),
      ...process.argv.slice(2),
    ],
    { cwd: repoRoot, env },
  ),
);
