// `npm start`: installs what is missing, starts the local AWS endpoint with
// the demo estate, then the Backstage backend and frontend.
import { prepare } from './toolchain.mjs';
import { APP_URL, startStack } from './stack.mjs';

const env = prepare();
const stop = await startStack(env);
process.stdout.write(`\nECS Networking portal: ${APP_URL}  (backend http://localhost:7007, local AWS http://127.0.0.1:${process.env.LOCAL_AWS_PORT ?? 4566})\nPress Ctrl+C to stop.\n\n`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    process.exit(0);
  });
}
