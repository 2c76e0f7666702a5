import path from 'node:path';
import { NodeProcess, REPO_ROOT, STARTUP_TIMEOUT_MS } from './NodeProcess';

interface CallCount {
  service: string;
  calls: number;
}

/**
 * The local AWS endpoint (packages/aws-local) as its own process, seeded with
 * the demo estate, driven through its /_local routes.
 */
export class LocalAwsProcess {
  private constructor(
    private readonly child: NodeProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<LocalAwsProcess> {
    const child = NodeProcess.start(
      'local-aws',
      path.join(REPO_ROOT, 'packages/aws-local/src/cli.ts'),
      ['--port', '0'],
      { cwd: REPO_ROOT, env: process.env },
    );
    try {
      const [, url] = await child.waitForLine(
        /listening on (http:\/\/127\.0\.0\.1:\d+)/,
        STARTUP_TIMEOUT_MS,
      );
      return new LocalAwsProcess(child, url);
    } catch (error) {
      await child.kill();
      throw error;
    }
  }

  /** The AWS SDK settings a backend uses: the demo's account 111111111111. */
  sdkEnv(): NodeJS.ProcessEnv {
    return {
      AWS_ENDPOINT_URL: this.url,
      AWS_ACCESS_KEY_ID: 'AKIADEMO111111111111',
      AWS_SECRET_ACCESS_KEY: 'demo',
      AWS_REGION: 'eu-west-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  }

  async setFaults(faults: { latencyMs?: number }): Promise<void> {
    const response = await fetch(`${this.url}/_local/faults`, {
      method: 'POST',
      body: JSON.stringify(faults),
    });
    if (!response.ok)
      throw new Error(`setting faults: ${await response.text()}`);
  }

  /**
   * Reads answered so far. STS is left out: credentials are fetched outside
   * a sync, and the sync's own count (its log line) does not include them.
   */
  async readCalls(): Promise<number> {
    const response = await fetch(`${this.url}/_local/calls`);
    const { calls } = (await response.json()) as { calls: CallCount[] };
    return calls
      .filter(c => c.service !== 'sts')
      .reduce((sum, c) => sum + c.calls, 0);
  }

  stop(): Promise<void> {
    return this.child.kill();
  }
}
