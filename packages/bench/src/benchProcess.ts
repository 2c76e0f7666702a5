import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A backend-like child process that reports on stdout, one `<kind> <data>` line at a time. */
export interface BenchProcess {
  /** The data of the next line starting with `prefix`; rejects once the process has exited. */
  nextLine(prefix: string): Promise<string>;
  send(line: string): void;
  stop(): void;
}

/**
 * Runs a TypeScript file of this package as its own process (with `gc`
 * exposed for memory readings), so its CPU and memory are measured apart
 * from the load this process drives.
 */
export function startBenchProcess(file: string, env: Record<string, string>): BenchProcess {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--require', require.resolve('@backstage/cli/config/nodeTransform.cjs'), require.resolve(file)],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  );
  // Lines are queued as they come: several may arrive in one chunk, before
  // anyone waits for them.
  const received: string[] = [];
  const waiting: Array<() => void> = [];
  createInterface({ input: child.stdout! }).on('line', line => {
    received.push(line);
    waiting.splice(0).forEach(wake => wake());
  });
  let exited: Error | undefined;
  child.once('exit', code => {
    exited = new Error(`${file} exited with ${code}`);
    waiting.splice(0).forEach(wake => wake());
  });
  return {
    async nextLine(prefix) {
      for (;;) {
        const index = received.findIndex(line => line.startsWith(prefix));
        if (index >= 0) return received.splice(index, 1)[0].slice(prefix.length).trim();
        if (exited) throw exited;
        await new Promise<void>(wake => waiting.push(wake));
      }
    },
    send: line => {
      child.stdin!.write(`${line}\n`);
    },
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}
