import { spawn } from 'node:child_process';
import type { CallCount } from '@ecs-net/aws-local';

export interface RemoteEndpoint {
  url: string;
  calls(): Promise<CallCount[]>;
  stop(): void;
}

/**
 * Runs the local AWS endpoint in its own process, as AWS would be: its CPU
 * and memory stay out of the measurements of the reader under test.
 */
export function startEndpointProcess(args: string[]): Promise<RemoteEndpoint> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      require.resolve('@ecs-net/aws-local/src/cli.ts'),
      '--port',
      '0',
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (!match) return;
      const url = match[1];
      resolve({
        url,
        calls: async () =>
          ((await (await fetch(`${url}/_local/calls`)).json()) as { calls: CallCount[] }).calls,
        stop: () => child.kill('SIGTERM'),
      });
    });
    child.on('exit', code => reject(new Error(`local AWS endpoint exited with ${code}`)));
  });
}
