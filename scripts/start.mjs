// `npm start`: installs what is missing, starts the local AWS endpoint with
// the demo estate, then the Backstage backend and frontend.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { prepare, repoRoot } from './toolchain.mjs';
import { APP_URL, startStack } from './stack.mjs';
import { isRequestLog } from './startOutput.mjs';

// Every line goes to the log file; the terminal gets all but the HTTP
// request log (a line per request, about a thousand while the portal
// loads), so what matters stays readable and the URL comes last.
const LOG_FILE = path.join(repoRoot, 'portal.log');
const log = createWriteStream(LOG_FILE);
const onLine = (label, line) => {
  log.write(`[${label}] ${line}\n`);
  if (!isRequestLog(line)) process.stdout.write(`[${label}] ${line}\n`);
};

const env = prepare();
const stop = await startStack(env, { onLine });
process.stdout.write(
  [
    '',
    `ECS Networking portal: ${APP_URL}  (sign in as guest)`,
    `backend http://localhost:7007, local AWS http://127.0.0.1:${process.env.LOCAL_AWS_PORT ?? 4566}`,
    `request logs: ${path.relative(process.cwd(), LOG_FILE) || LOG_FILE}`,
    'Press Ctrl+C to stop.',
    '',
    '',
  ].join('\n'),
);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    log.end();
    process.exit(0);
  });
}
