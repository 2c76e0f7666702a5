import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { BareRepositories } from './BareRepositories';

/** A request the fake host answered, as the publish actions sent it. */
export interface RecordedRequest {
  method: string;
  /** The REST route without the API prefix (`/orgs/acme/repos`), or the git path. */
  path: string;
  query: Record<string, string>;
  body: any;
}

/** A REST answer; a string is a raw file. */
export type Answer = { status: number; json?: unknown } | string;
/** A route's handler, given the request and the route's parameters (decoded). */
export type Handler = (r: RecordedRequest, params: string[]) => Promise<Answer>;
export type Route = [method: string, pattern: RegExp, handler: Handler];

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * A git host on 127.0.0.1 for the scaffolder's publish actions: the REST
 * routes a subclass answers under `/api/` (their paths without
 * `apiPrefix`), over real bare repositories, and git's smart HTTP protocol
 * everywhere else. Every request is
 * recorded; anything unknown is a 404, so a call the fake does not know
 * shows up as a failing step, not as a silent success.
 */
export abstract class FakeGitHost {
  readonly requests: RecordedRequest[] = [];
  readonly url: string;
  readonly repositories: BareRepositories;
  private readonly server: Server;

  protected abstract readonly apiPrefix: string;
  protected abstract readonly routes: Route[];

  protected constructor(
    server: Server,
    root: string,
    protected readonly token: string,
  ) {
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.repositories = new BareRepositories(root);
    server.on('request', (req, res) => this.handle(req, res));
  }

  protected static async listen(): Promise<Server> {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  stop(): Promise<void> {
    return new Promise(resolve => this.server.close(() => resolve()));
  }

  /** The requests to a REST route, e.g. `POST /orgs/acme/repos`. */
  calls(route: string): RecordedRequest[] {
    const [method, routePath] = route.split(' ');
    return this.requests.filter(
      r => r.method === method && r.path === routePath,
    );
  }

  private authorized(req: IncomingMessage): boolean {
    if (req.headers['private-token'] === this.token) return true;
    const [scheme, value = ''] = (req.headers.authorization ?? '').split(' ');
    if (/^(token|bearer)$/i.test(scheme)) return value === this.token;
    if (/^basic$/i.test(scheme)) {
      return Buffer.from(value, 'base64').toString().endsWith(`:${this.token}`);
    }
    return false;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    // GitHub Enterprise's GraphQL is /api/graphql, beside /api/v3.
    const isApi = url.pathname.startsWith('/api/');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.startsWith(this.apiPrefix)
        ? url.pathname.slice(this.apiPrefix.length)
        : url.pathname,
      query: Object.fromEntries(url.searchParams),
      body:
        isApi && body.length ? JSON.parse(body.toString('utf8')) : undefined,
    };
    this.requests.push(record);
    try {
      if (!this.authorized(req)) {
        res.writeHead(401, {
          'www-authenticate': 'Basic realm="fake git host"',
        });
        res.end(JSON.stringify({ message: 'Requires authentication' }));
        return;
      }
      if (!isApi) {
        await this.repositories.httpBackend(
          req,
          decodeURIComponent(url.pathname),
          url.search.replace(/^\?/, ''),
          body,
          res,
        );
        return;
      }
      const answer = await this.answer(record);
      if (typeof answer === 'string') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
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

  private async answer(r: RecordedRequest): Promise<Answer> {
    for (const [method, pattern, handler] of this.routes) {
      const match = r.method === method ? r.path.match(pattern) : null;
      if (match) return handler(r, match.slice(1).map(decodeURIComponent));
    }
    throw new HttpError(404, `no route ${r.method} ${r.path}`);
  }

  /** The repository's directory, or 404. */
  protected repository(owner: string, repo: string): string {
    try {
      return this.repositories.dir(owner, repo);
    } catch (error) {
      throw new HttpError(404, String(error));
    }
  }
}
