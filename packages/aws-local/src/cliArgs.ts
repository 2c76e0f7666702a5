import { GenerateEstateOptions } from './estate/generateEstate';

export interface CliOptions {
  port: number;
  estates: string[];
  synthetic?: GenerateEstateOptions;
  throttle: boolean;
  eventQueues: string[];
  help: boolean;
}

export const USAGE = `Usage: local-aws [--port 4566] [--estate FILE]... [--synthetic services=2000,clusters=20,regions=2,accounts=1] [--throttle] [--event-queue ARN]...

  --port N          port on 127.0.0.1 (default 4566; 0 picks a free one)
  --estate FILE     YAML estate to seed (repeatable; default: the demo estate,
                    unless --synthetic is given)
  --synthetic SPEC  also seed a generated estate; SPEC is comma-separated
                    key=value pairs of services, clusters, regions, accounts,
                    taskDefinitions, namespaces, instancesPerService,
                    externalServices, seed
  --throttle        enforce the published AWS API quotas
  --event-queue ARN deliver every ECS and Cloud Map event, as EventBridge
                    would, to this SQS queue (created if missing; repeatable)
`;

const SYNTHETIC_KEYS = [
  'services',
  'clusters',
  'regions',
  'accounts',
  'taskDefinitions',
  'namespaces',
  'instancesPerService',
  'externalServices',
  'seed',
] as const;

function parseSynthetic(spec: string): GenerateEstateOptions {
  const options: Record<string, number> = {};
  for (const pair of spec.split(',').filter(Boolean)) {
    const [key, value] = pair.split('=');
    const number = Number(value);
    if (
      !(SYNTHETIC_KEYS as readonly string[]).includes(key) ||
      !Number.isInteger(number) ||
      number < 0
    ) {
      throw new Error(
        `--synthetic: '${pair}' is not one of ${SYNTHETIC_KEYS.join(
          ', ',
        )} set to a whole number`,
      );
    }
    options[key] = number;
  }
  if (options.services === undefined) {
    throw new Error('--synthetic needs services=N');
  }
  return options as unknown as GenerateEstateOptions;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    port: 4566,
    estates: [],
    throttle: false,
    eventQueues: [],
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error('--port must be 0-65535');
        options.port = port;
        break;
      }
      case '--estate':
        options.estates.push(value());
        break;
      case '--synthetic':
        options.synthetic = parseSynthetic(value());
        break;
      case '--throttle':
        options.throttle = true;
        break;
      case '--event-queue':
        options.eventQueues.push(value());
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown argument '${argv[i]}'`);
    }
  }
  return options;
}
