import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

/** Debian's PostgreSQL 15 server; scripts/test.mjs installs it. */
const PG_BIN = '/usr/lib/postgresql/15/bin';

/**
 * A throwaway PostgreSQL cluster in a temporary directory of its own,
 * listening on 127.0.0.1 only, with a random password. initdb refuses to run
 * as root, so as root the server runs as the `postgres` user the Debian
 * package creates.
 */
export class PostgresCluster {
  private constructor(
    private readonly home: string,
    readonly port: number,
    private readonly password: string,
  ) {}

  static async start(): Promise<PostgresCluster> {
    if (!existsSync(path.join(PG_BIN, 'postgres'))) {
      throw new Error(
        `no PostgreSQL server in ${PG_BIN}: npm test installs it (Debian package postgresql)`,
      );
    }
    const home = mkdtempSync(path.join(os.tmpdir(), 'ecsnet-pg-'));
    const cluster = new PostgresCluster(
      home,
      await freePort(),
      randomBytes(18).toString('base64url'),
    );
    try {
      cluster.init();
    } catch (error) {
      cluster.stop();
      throw error;
    }
    return cluster;
  }

  private get dataDir() {
    return path.join(this.home, 'data');
  }

  private init(): void {
    const { home, dataDir, password, port } = this;
    const passwordFile = path.join(home, 'password');
    writeFileSync(passwordFile, password, { mode: 0o600 });
    if (process.getuid?.() === 0) {
      const owner = (flag: string) =>
        Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
      chownSync(home, owner('-u'), owner('-g'));
      chownSync(passwordFile, owner('-u'), owner('-g'));
    }
    run('initdb', [
      '--pgdata',
      dataDir,
      '--username',
      'postgres',
      '--pwfile',
      passwordFile,
      '--auth',
      'scram-sha-256',
      '--encoding',
      'UTF8',
      '--no-sync',
    ]);
    try {
      run('pg_ctl', [
        'start',
        '--pgdata',
        dataDir,
        '--wait',
        '--timeout',
        '60',
        '--log',
        path.join(home, 'server.log'),
        // fsync off: nothing here tests PostgreSQL's own crash safety.
        '-o',
        `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${home} -c fsync=off`,
      ]);
    } catch (error) {
      const log = path.join(home, 'server.log');
      throw new Error(
        `${error}\n${
          existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''
        }`,
      );
    }
  }

  /** `backend.database.connection` */
  get connection() {
    return {
      host: '127.0.0.1',
      port: this.port,
      user: 'postgres',
      password: this.password,
    };
  }

  /** Stops the server, if it runs, and removes the cluster. */
  stop(): void {
    try {
      if (existsSync(path.join(this.dataDir, 'postmaster.pid'))) {
        run('pg_ctl', [
          'stop',
          '--pgdata',
          this.dataDir,
          '--mode',
          'immediate',
          '--wait',
          '--timeout',
          '30',
        ]);
      }
    } finally {
      rmSync(this.home, { recursive: true, force: true });
    }
  }
}

function run(tool: string, args: string[]): void {
  const command = path.join(PG_BIN, tool);
  const [file, argv]: [string, string[]] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, args];
  execFileSync(file, argv, { stdio: 'pipe', timeout: 90_000 });
}
