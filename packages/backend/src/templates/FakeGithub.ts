import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';

/** A request the fake host answered, as the publish actions sent it. */
export interface RecordedRequest {
  method: string;
  /** The REST route without the API prefix (`/orgs/acme/repos`), or the git path. */
  path: string;
  query: Record<string, string>;
  body: any;
}

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

const text = async (cwd: string, args: string[], input?: string) =>
  (await git(cwd, args, { input })).toString('utf8').trim();

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

type Answer = { status: number; json?: unknown } | string;
type Handler = (r: RecordedRequest, params: string[]) => Promise<Answer>;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Who commits: git needs a name and an address, whatever the machine's config. */
function identity(author?: { name?: string; email?: string }) {
  return {
    GIT_COMMITTER_NAME: 'Fake GitHub',
    GIT_COMMITTER_EMAIL: 'noreply@github.invalid',
    GIT_AUTHOR_NAME: author?.name ?? 'Fake GitHub',
    GIT_AUTHOR_EMAIL: author?.email ?? 'noreply@github.invalid',
  };
}

/**
 * A GitHub stand-in on 127.0.0.1 for the scaffolder's publish actions: the
 * REST routes `publish:github`, `publish:github:pull-request` and the GitHub
 * URL reader call, over real bare repositories, and git's smart HTTP
 * protocol (git http-backend) for the push. Blobs, trees, commits and refs
 * the API is asked for are written with git itself, so a test reads what was
 * published with `files()`, as a clone would show it.
 */
export class FakeGithub {
  readonly requests: RecordedRequest[] = [];
  private pulls = 0;

  private constructor(
    private readonly server: Server,
    private readonly root: string,
    private readonly token: string,
    readonly url: string,
  ) {}

  /** `integrations.github[].apiBaseUrl` for github.com. */
  get apiBaseUrl(): string {
    return `${this.url}/api/v3`;
  }

  static async start(options: {
    root: string;
    token: string;
  }): Promise<FakeGithub> {
    mkdirSync(options.root, { recursive: true });
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGithub(
      server,
      options.root,
      options.token,
      `http://127.0.0.1:${port}`,
    );
    server.on('request', (req, res) => fake.handle(req, res));
    return fake;
  }

  stop(): Promise<void> {
    return new Promise(resolve => this.server.close(() => resolve()));
  }

  /** A repository whose main branch holds `files`, as if pushed earlier. */
  async seed(owner: string, repo: string, files: Record<string, string>) {
    const dir = await this.createRepository(owner, repo);
    const entries = await Promise.all(
      Object.entries(files).map(async ([file, content]) => ({
        path: file,
        mode: '100644',
        sha: await text(dir, ['hash-object', '-w', '--stdin'], content),
      })),
    );
    const tree = await this.writeTree(dir, undefined, entries);
    const commit = (
      await git(dir, ['commit-tree', tree, '-m', 'seed'], { env: identity() })
    )
      .toString()
      .trim();
    await git(dir, ['update-ref', 'refs/heads/main', commit]);
  }

  /** Every file on `ref` of a repository, by path. */
  async files(owner: string, repo: string, ref: string) {
    const dir = this.repositoryDir(owner, repo);
    const paths = (await text(dir, ['ls-tree', '-r', '--name-only', ref]))
      .split('\n')
      .filter(Boolean);
    const files: Record<string, string> = {};
    for (const file of paths) {
      files[file] = (await git(dir, ['show', `${ref}:${file}`])).toString(
        'utf8',
      );
    }
    return files;
  }

  /** The requests to a REST route, e.g. `POST /orgs/acme/repos`. */
  calls(route: string): RecordedRequest[] {
    const [method, routePath] = route.split(' ');
    return this.requests.filter(
      r => r.method === method && r.path === routePath,
    );
  }

  private repositoryDir(owner: string, repo: string): string {
    if (![owner, repo].every(s => /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(s))) {
      throw new HttpError(404, `no repository ${owner}/${repo}`);
    }
    return path.join(this.root, owner, `${repo}.git`);
  }

  private async createRepository(owner: string, repo: string) {
    const dir = this.repositoryDir(owner, repo);
    mkdirSync(dir, { recursive: true });
    await git(dir, ['init', '--bare', '--quiet', '--initial-branch=main']);
    return dir;
  }

  /** A tree: `base` with `entries` added, replaced or (sha null) removed. */
  private async writeTree(
    dir: string,
    base: string | undefined,
    entries: {
      path: string;
      mode: string;
      sha?: string | null;
      content?: string;
    }[],
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
      const sha =
        entry.sha ??
        (await text(dir, ['hash-object', '-w', '--stdin'], entry.content));
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
    return (await git(dir, ['write-tree'], { env })).toString().trim();
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const [scheme, value = ''] = header.split(' ');
    if (/^(token|bearer)$/i.test(scheme)) return value === this.token;
    if (/^basic$/i.test(scheme)) {
      return Buffer.from(value, 'base64').toString().endsWith(`:${this.token}`);
    }
    return false;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    const isApi = url.pathname.startsWith('/api/');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.replace(/^\/api\/v3/, ''),
      query: Object.fromEntries(url.searchParams),
      body:
        isApi && body.length ? JSON.parse(body.toString('utf8')) : undefined,
    };
    this.requests.push(record);
    try {
      if (!this.authorized(req)) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="fake github"' });
        res.end(JSON.stringify({ message: 'Requires authentication' }));
        return;
      }
      if (!isApi) {
        await this.gitHttpBackend(req, url, body, res);
        return;
      }
      const answer = await this.api(record);
      if (typeof answer === 'string') {
        res.writeHead(200, { 'content-type': 'application/vnd.github.v3.raw' });
        res.end(answer);
        return;
      }
      res.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
      });
      res.end(JSON.stringify(answer.json ?? {}));
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(error) }));
    }
  }

  /** The REST and GraphQL routes; a string answer is a raw file. */
  private async api(r: RecordedRequest): Promise<Answer> {
    for (const [method, pattern, handler] of this.routes) {
      const match = r.method === method ? r.path.match(pattern) : null;
      if (match) return handler(r, match.slice(1).map(decodeURIComponent));
    }
    throw new HttpError(404, `no route ${r.method} ${r.path}`);
  }

  private readonly routes: [string, RegExp, Handler][] = [
    [
      'GET',
      /^\/users\/([^/]+)$/,
      async (_r, [login]) => ({
        status: 200,
        json: { login, type: 'Organization' },
      }),
    ],
    [
      'POST',
      /^\/orgs\/([^/]+)\/repos$/,
      async (r, [owner]) => {
        await this.createRepository(owner, r.body.name);
        return { status: 201, json: this.repository(owner, r.body.name) };
      },
    ],
    [
      'POST',
      // Octokit sends GraphQL for an API under /api/v3 to /api/graphql.
      /^(?:\/api)?\/graphql$/,
      async r => {
        // The pull request plugin asks whether the head branch exists.
        const { owner, repo, head } = r.body.variables;
        const exists = await git(this.repositoryDir(owner, repo), [
          'rev-parse',
          '--verify',
          '--quiet',
          `refs/heads/${head}`,
        ]).then(
          () => true,
          () => false,
        );
        const ref = exists ? { associatedPullRequests: { edges: [] } } : null;
        return { status: 200, json: { data: { repository: { ref } } } };
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+)\/([^/]+)$/,
      async (_r, [owner, repo]) => {
        this.repositoryDir(owner, repo);
        return { status: 200, json: this.repository(owner, repo) };
      },
    ],
    [
      'PUT',
      /^\/repos\/([^/]+)\/([^/]+)\/branches\/([^/]+)\/protection$/,
      async r => ({ status: 200, json: { url: r.path } }),
    ],
    [
      'GET',
      /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/,
      async (r, [owner, repo, file]) => {
        const ref = r.query.ref || 'main';
        const dir = this.repositoryDir(owner, repo);
        return git(dir, ['show', `${ref}:${file}`]).then(
          b => b.toString('utf8'),
          () => {
            throw new HttpError(404, `no ${file} on ${ref}`);
          },
        );
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+)\/([^/]+)\/commits$/,
      async (r, [owner, repo]) => {
        const dir = this.repositoryDir(owner, repo);
        const sha = await text(dir, ['rev-parse', `refs/heads/${r.query.sha}`]);
        const tree = await text(dir, ['rev-parse', `${sha}^{tree}`]);
        return {
          status: 200,
          json: [{ sha, commit: { tree: { sha: tree } } }],
        };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/git\/blobs$/,
      async (r, [owner, repo]) => {
        const encoding = r.body.encoding === 'base64' ? 'base64' : 'utf8';
        const content = Buffer.from(r.body.content, encoding);
        const sha = await git(
          this.repositoryDir(owner, repo),
          ['hash-object', '-w', '--stdin'],
          { input: content },
        );
        return { status: 201, json: { sha: sha.toString().trim() } };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/git\/trees$/,
      async (r, [owner, repo]) => {
        const dir = this.repositoryDir(owner, repo);
        const sha = await this.writeTree(dir, r.body.base_tree, r.body.tree);
        return { status: 201, json: { sha } };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/git\/commits$/,
      async (r, [owner, repo]) => {
        const { message, tree, parents = [], author } = r.body;
        const sha = await git(
          this.repositoryDir(owner, repo),
          [
            'commit-tree',
            tree,
            ...parents.flatMap((p: string) => ['-p', p]),
            '-m',
            message,
          ],
          { env: identity(author) },
        );
        return { status: 201, json: { sha: sha.toString().trim() } };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/git\/refs$/,
      async (r, [owner, repo]) => {
        const { ref, sha } = r.body;
        await git(this.repositoryDir(owner, repo), ['update-ref', ref, sha]);
        return { status: 201, json: { ref, object: { sha } } };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/pulls$/,
      async (r, [owner, repo]) => {
        this.repositoryDir(owner, repo);
        this.pulls += 1;
        const number = this.pulls;
        return {
          status: 201,
          json: {
            number,
            html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
            base: { ref: r.body.base },
            head: { ref: r.body.head },
          },
        };
      },
    ],
  ];

  private repository(owner: string, repo: string) {
    return {
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: { login: owner },
      default_branch: 'main',
      permissions: { admin: true, push: true, pull: true },
      html_url: `https://github.com/${owner}/${repo}`,
      clone_url: `${this.url}/${owner}/${repo}.git`,
    };
  }

  /** git's smart HTTP protocol, served by git http-backend (CGI). */
  private async gitHttpBackend(
    req: IncomingMessage,
    url: URL,
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
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.replace(/^\?/, ''),
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
