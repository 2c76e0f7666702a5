import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseCliArgs } from './cliArgs';

describe('parseCliArgs', () => {
  it('defaults to port 4566 and the demo estate', () => {
    expect(parseCliArgs([])).toEqual({
      port: 4566,
      estates: [],
      throttle: false,
      eventQueues: [],
      help: false,
    });
  });

  it('reads every option, in both --flag value and --flag=value forms', () => {
    expect(
      parseCliArgs([
        '--port=0',
        '--estate',
        'a.yaml',
        '--estate=b.yaml',
        '--synthetic',
        'services=2000,clusters=20,regions=2,accounts=1',
        '--throttle',
        '--event-queue',
        'arn:aws:sqs:eu-west-1:111111111111:ecs-events',
      ]),
    ).toEqual({
      port: 0,
      estates: ['a.yaml', 'b.yaml'],
      synthetic: { services: 2000, clusters: 20, regions: 2, accounts: 1 },
      throttle: true,
      eventQueues: ['arn:aws:sqs:eu-west-1:111111111111:ecs-events'],
      help: false,
    });
  });

  it('rejects what it does not understand', () => {
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(
      '--port must be 0-65535',
    );
    expect(() => parseCliArgs(['--synthetic', 'clusters=2'])).toThrow(
      '--synthetic needs services=N',
    );
    expect(() => parseCliArgs(['--synthetic', 'services=2,colour=3'])).toThrow(
      "'colour=3'",
    );
    expect(() => parseCliArgs(['--verbose'])).toThrow(
      "unknown argument '--verbose'",
    );
  });
});

describe('the local-aws command', () => {
  it('announces its address, serves, and stops cleanly on SIGTERM', async () => {
    const repoRoot = path.resolve(__dirname, '..', '..', '..');
    const child = spawn(
      process.execPath,
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'packages/aws-local/src/cli.ts',
        '--port',
        '0',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>(resolve =>
      child.on('exit', code => resolve(code)),
    );
    const line = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', chunk => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
      });
      exited.then(code =>
        reject(new Error(`exited ${code} before listening: ${stderr}`)),
      );
    });
    expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('listening on '.length);
    const health = await (await fetch(`${url}/_local/health`)).json();
    expect(health.accounts).toEqual(['111111111111', '222222222222']);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
