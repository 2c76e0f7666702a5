import { parseCliArgs, USAGE } from './cliArgs';
import { generateEstate } from './estate/generateEstate';
import { DEMO_ESTATE_PATH } from './estate/loadEstate';
import { Estate } from './estate/types';
import { startLocalAws } from './startLocalAws';

async function main(argv: string[]): Promise<void> {
  const options = parseCliArgs(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const estates: Array<Estate | string> = [...options.estates];
  if (options.synthetic) {
    estates.push(generateEstate(options.synthetic));
  } else if (estates.length === 0) {
    estates.push(DEMO_ESTATE_PATH);
  }
  const local = await startLocalAws({
    port: options.port,
    estate: estates,
    throttle: options.throttle,
    eventQueues: options.eventQueues,
  });
  process.stdout.write(`listening on ${local.url}\n`);
  const stop = () => {
    local.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(
    `local-aws: ${error instanceof Error ? error.message : error}\n${USAGE}`,
  );
  process.exit(1);
});
