// `npm run local-aws -- --port 4566 [--estate FILE] [--throttle]`
import { prepare } from './toolchain.mjs';
import { startLocalAws } from './stack.mjs';

const env = prepare();
const child = await startLocalAws(env, process.argv.slice(2));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', code => process.exit(code ?? 0));
