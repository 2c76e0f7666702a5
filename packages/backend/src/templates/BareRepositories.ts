import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** `git` in `cwd`; stdout as a buffer, stdin from `input`. */
function git(
  cwd: string,
  args: string[],
  options: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: { ...process.env, ...options.env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(
            new Error(
              `git ${args.join(' ')}: ${Buffer.concat(err).toString()}`,
            ),
          ),
    );
    // A command that reads no input may exit before it is written.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input);
  });
}

const text = async (
  cwd: string,
  args: string[],
  options?: Parameters<typeof git>[2],
) => (await git(cwd, args, options)).toString('utf8').trim();

/** Who commits: git needs a name and an address, whatever the machine's config. */
function identity(author?: { name?: string; email?: string }) {
  return {
    GIT_COMMITTER_NAME: 'Fake git host',
    GIT_COMMITTER_EMAIL: 'noreply@git.invalid',
    GIT_AUTHOR_NAME: author?.name ?? 'Fake git host',
    GIT_AUTHOR_EMAIL: author?.email ?? 'noreply@git.invalid',
  };
}

/** A file of a tree, as the hosts' APIs take it: a blob's sha or its content; sha null removes it. */
export interface TreeEntry {
  path: string;
  mode: string;
  sha?: string | null;
  content?: string | Buffer;
}

/**
 * Bare git repositories under one directory (`owner/repo.git`), written and
 * read with git itself, for the fake git hosts: what their APIs create is a
 * real commit, and what a push sends lands as it would on the host.
 */
export class BareRepositories {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  /** The directory of a repository; only plain names, so nothing leaves the root. */
  dir(owner: string, repo: string): string {
    const names = [...owner.split('/'), repo];
    if (!names.every(s => /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(s))) {
      throw new Error(`no repository ${owner}/${repo}`);
    }
    return path.join(this.root, ...owner.split('/'), `${repo}.git`);
  }

  async create(owner: string, repo: string): Promise<string> {
    const dir = this.dir(owner, repo);
    mkdirSync(dir, { recursive: true });
    await git(dir, ['init', '--bare', '--quiet', '--initial-branch=main']);
    return dir;
  }

  /** A repository whose main branch holds `files`, as if pushed earlier. */
  async seed(owner: string, repo: string, files: Record<string, string>) {
    const dir = await this.create(owner, repo);
    const tree = await this.writeTree(
      dir,
      undefined,
      Object.entries(files).map(([file, content]) => ({
        path: file,
        mode: '100644',
        content,
      })),
    );
    await this.updateRef(
      dir,
      'refs/heads/main',
      await this.commit(dir, tree, [], 'seed'),
    );
  }

  /** Every file on `ref` of a repository, by path. */
  async files(owner: string, repo: string, ref: string) {
    const dir = this.dir(owner, repo);
    const files: Record<string, string> = {};
    for (const entry of await this.listTree(dir, ref)) {
      files[entry.path] = (await this.show(dir, ref, entry.path)).toString(
        'utf8',
      );
    }
    return files;
  }

  /** The blobs of `ref`, under `under` when given. */
  async listTree(dir: string, ref: string, under?: string) {
    const lines = await text(dir, [
      'ls-tree',
      '-r',
      ref,
      ...(under ? ['--', under] : []),
    ]);
    return lines
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [meta, file] = line.split('\t');
        const [mode, type, sha] = meta.split(' ');
        return { mode, type, sha, path: file };
      });
  }

  show(dir: string, ref: string, file: string): Promise<Buffer> {
    return git(dir, ['show', `${ref}:${file}`]);
  }

  async resolve(dir: string, ref: string): Promise<string | undefined> {
    return text(dir, ['rev-parse', '--verify', '--quiet', ref]).catch(
      () => undefined,
    );
  }

  writeBlob(dir: string, content: string | Buffer): Promise<string> {
    return text(dir, ['hash-object', '-w', '--stdin'], { input: content });
  }

  /** A tree: `base` with `entries` added, replaced or (sha null) removed. */
  async writeTree(
    dir: string,
    base: string | undefined,
    entries: TreeEntry[],
  ): Promise<string> {
    const env = {
      GIT_INDEX_FILE: path.join(dir, `index-${process.hrtime.bigint()}`),
    };
    await git(dir, base ? ['read-tree', base] : ['read-tree', '--empty'], {
      env,
    });
    for (const entry of entries) {
      if (entry.sha === null) {
        await git(dir, ['update-index', '--force-remove', entry.path], { env });
        continue;
      }
      const sha = entry.sha ?? (await this.writeBlob(dir, entry.content ?? ''));
      await git(
        dir,
        [
          'update-index',
          '--add',
          '--cacheinfo',
          `${entry.mode},${sha},${entry.path}`,
        ],
        { env },
      );
    }
    return text(dir, ['write-tree'], { env });
  }

  commit(
    dir: string,
    tree: string,
    parents: string[],
    message: string,
    author?: { name?: string; email?: string },
  ): Promise<string> {
    return text(
      dir,
      ['commit-tree', tree, ...parents.flatMap(p => ['-p', p]), '-m', message],
      { env: identity(author) },
    );
  }

  async updateRef(dir: string, ref: string, sha: string): Promise<void> {
    await git(dir, ['update-ref', ref, sha]);
  }

  /** git's smart HTTP protocol for `pathInfo` (`/owner/repo.git/…`), served by git http-backend (CGI). */
  async httpBackend(
    req: IncomingMessage,
    pathInfo: string,
    query: string,
    body: Buffer,
    res: ServerResponse,
  ) {
    const output = await git(this.root, ['http-backend'], {
      input: body,
      env: {
        ...identity(),
        GIT_PROJECT_ROOT: this.root,
        GIT_HTTP_EXPORT_ALL: '1',
        // An authenticated user may push (http.receivepack's default).
        REMOTE_USER: 'x-access-token',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: pathInfo,
        QUERY_STRING: query,
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        CONTENT_LENGTH: String(body.length),
      },
    });
    const split = output.indexOf('\r\n\r\n');
    const headers: Record<string, string> = {};
    let status = 200;
    for (const line of output.subarray(0, split).toString().split('\r\n')) {
      const [name, ...value] = line.split(':');
      if (name.toLowerCase() === 'status')
        status = parseInt(value.join(':'), 10);
      else headers[name] = value.join(':').trim();
    }
    res.writeHead(status, headers);
    res.end(output.subarray(split + 4));
  }
}
