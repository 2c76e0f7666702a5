import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { waitFor, WaitOptions } from './waitFor';

// These helpers only ever run from source, under jest.
// eslint-disable-next-line no-restricted-syntax
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/**
 * How long a process started from TypeScript sources may take to be ready.
 * Each start transforms every module it loads: about 15 s on a quiet 2-core
 * machine, over 2 minutes beside other CPU-bound work (seen at a load
 * average of 13). A process that exits fails the wait at once, so the
 * bound only matters for one that hangs.
 */
export const STARTUP_TIMEOUT_MS = 300_000;

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * A TypeScript entry point run the way the repository runs it (Backstage's
 * node transform, no build), with every output line kept for assertions.
 */
export class NodeProcess {
  readonly lines: string[] = [];
  private readonly exited: Promise<number | null>;
  private exitCode?: number | null;

  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise(resolve => {
      child.once('exit', code => {
        this.exitCode = code;
        resolve(code);
      });
    });
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffer += chunk;
        const complete = buffer.split('\n');
        buffer = complete.pop()!;
        for (const line of complete) this.lines.push(line.replace(ANSI, ''));
      });
    }
  }

  static start(
    label: string,
    entry: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv },
  ): NodeProcess {
    const transform = require.resolve(
      '@backstage/cli/config/nodeTransform.cjs',
    );
    const child = spawn(
      process.execPath,
      ['--require', transform, entry, ...args],
      {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new NodeProcess(label, child);
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** The first output line matching `pattern`, waiting for it if needed. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return waitFor(
      `${this.label} printing ${pattern}`,
      () => {
        for (const line of this.lines) {
          const match = line.match(pattern);
          if (match) return match;
        }
        return undefined;
      },
      { timeoutMs, ...this.waitOptions() },
    );
  }

  /** For waits on this process: give up when it exits, show its log tail. */
  waitOptions(): Pick<WaitOptions, 'context' | 'failIf'> {
    return {
      context: () => this.tail(),
      failIf: () =>
        this.running ? undefined : `${this.label} exited with ${this.exitCode}`,
    };
  }

  tail(count = 40): string {
    return this.lines
      .slice(-count)
      .map(line => `[${this.label}] ${line.slice(0, 400)}`)
      .join('\n');
  }

  /** kill -9: no shutdown hooks run, as when a machine or container dies. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
