// Runs a repository tool (tsc, backstage-cli, ...) with the project's Node.
import { prepare, runAsync, repoRoot } from './toolchain.mjs';

const [cmd, ...args] = process.argv.slice(2);
process.exit(await runAsync(cmd, args, { cwd: repoRoot, env: prepare() }));
