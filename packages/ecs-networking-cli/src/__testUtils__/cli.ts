import type { LocalAws } from '@ecs-net/aws-local';
import { run } from '../run';

/** What a user of the demo's local endpoint sets: its URL and the demo account's key. */
export function localAwsEnv(local: LocalAws) {
  return {
    AWS_ENDPOINT_URL: local.url,
    AWS_ACCESS_KEY_ID: 'AKIADEMO111111111111',
    AWS_SECRET_ACCESS_KEY: 'demo',
    AWS_REGION: 'eu-west-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Runs the CLI in this process, capturing what it prints and its exit code. */
export async function runCli(env: Record<string, string>, argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: text => {
      out += text;
    },
    err: text => {
      err += text;
    },
    env,
  });
  return { code, out, err };
}
