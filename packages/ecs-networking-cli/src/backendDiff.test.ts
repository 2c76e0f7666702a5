import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangesResponse, RecordedChange } from '@ecs-net/plugin-ecs-networking-common';
import { runCli } from './__testUtils__/cli';
import { parseSince } from './backendDiff';

const WINDOW = { since: '2026-03-01T10:00:00.000Z', until: '2026-03-01T12:00:00.000Z' };

function scaled(n: number): RecordedChange {
  return {
    id: n,
    generation: n,
    at: `2026-03-01T11:0${n}:00.000Z`,
    trigger: 'sync',
    kind: 'service',
    action: 'changed',
    key: `arn:aws:ecs:eu-west-1:111111111111:service/shop/svc-${n}`,
    label: `svc-${n}`,
    accountId: '111111111111',
    region: 'eu-west-1',
    attributes: [{ name: 'desiredCount', before: '2', after: String(n) }],
    serviceArns: [],
    entityRefs: [],
  };
}

/**
 * The paging of `GET /api/ecs-networking/changes` over five changes, newest
 * first, in pages of at most two (whatever `limit` asks): the cursor is the
 * index of the last change served.
 */
function changesBackend(requests: IncomingMessage[]): Server {
  const changes = [5, 4, 3, 2, 1].map(scaled);
  return createServer((req, res) => {
    requests.push(req);
    const url = new URL(req.url!, 'http://localhost');
    if (req.headers.authorization !== 'Bearer secret') {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { name: 'AuthenticationError', message: 'no token' }, response: { statusCode: 401 } }));
      return;
    }
    const from = url.searchParams.has('before') ? Number(url.searchParams.get('before')) + 1 : 0;
    const limit = Math.min(2, Number(url.searchParams.get('limit')));
    const page = changes.slice(from, from + limit);
    const more = from + limit < changes.length;
    const body: ChangesResponse = {
      ...WINDOW,
      changes: page,
      truncated: more,
      nextBefore: more ? String(from + limit - 1) : undefined,
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
}

describe('ecs-networking diff --since (from a backend)', () => {
  const requests: IncomingMessage[] = [];
  let server: Server;
  let backend: string;
  const env = { BACKSTAGE_TOKEN: 'secret' };
  const asked = () => requests.map(r => Object.fromEntries(new URL(r.url!, 'http://localhost').searchParams));

  beforeAll(async () => {
    server = changesBackend(requests);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    requests.length = 0;
  });

  it('follows the pages, in the window the first answered, and prints every change once, newest first', async () => {
    const { code, out, err } = await runCli(env, ['diff', '--since', '2h', '--backend', backend, '--entity', 'component:shop', '--hops', '1']);
    expect({ code, err }).toEqual({ code: 1, err: '' });
    expect(out.split('\n').filter(line => line.includes('svc-')).map(line => line.split(/\s+/)[3])).toEqual([
      'svc-5',
      'svc-4',
      'svc-3',
      'svc-2',
      'svc-1',
    ]);
    expect(out).toMatch(/2026-03-01T11:05:00.000Z\s+changed\s+service\s+svc-5\s+111111111111\/eu-west-1\s+desiredCount 2 → 5/);
    expect(requests.map(r => new URL(r.url!, 'http://localhost').pathname)).toEqual(
      Array(3).fill('/api/ecs-networking/changes'),
    );
    const [first, ...later] = asked();
    expect(first).toMatchObject({ entityRef: 'component:shop', hops: '1', limit: '2000' });
    expect(Date.parse(first.since)).toBeGreaterThan(Date.now() - 2 * 3_600_000 - 60_000);
    expect(later).toEqual([
      { entityRef: 'component:shop', hops: '1', limit: '1998', before: '1', ...WINDOW },
      { entityRef: 'component:shop', hops: '1', limit: '1996', before: '3', ...WINDOW },
    ]);
  });

  it('stops at --max-changes and says that older changes remain', async () => {
    const { code, out, err } = await runCli(env, ['diff', '--since', '2h', '--backend', `${backend}/`, '--max-changes', '3', '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ...WINDOW, truncated: true, changes: [{ id: 5 }, { id: 4 }, { id: 3 }] });
    expect(err).toBe(
      'ecs-networking: stopped after the newest 3 changes; the window holds older ones (before 2026-03-01T11:03:00.000Z): narrow --since or raise --max-changes\n',
    );
    expect(asked().map(q => q.limit)).toEqual(['3', '1']);
  });

  it("reports the backend's refusal, and usage errors before asking it", async () => {
    const refused = await runCli({}, ['diff', '--since', '2h', '--backend', backend]);
    expect(refused).toMatchObject({ code: 2, out: '' });
    expect(refused.err).toContain(`ecs-networking: ${backend}/api/ecs-networking/changes: `);
    expect(refused.err).toContain('Request failed with 401 Unauthorized: no token (BACKSTAGE_TOKEN is not set)');

    requests.length = 0;
    for (const [argv, message] of [
      [['--since', '2h'], 'diff --since needs --backend <url> or ECS_NETWORKING_BACKEND'],
      [['--since', 'yesterday', '--backend', backend], '--since yesterday: expected 2h, 30m, 7d or an ISO 8601 time'],
      [['--since', '2h', '--until', '1h', '--backend', backend], '--until 1h: expected an ISO 8601 time'],
      [['--since', '2h', '--hops', '1', '--backend', backend], '--hops: diff --since takes hops with --entity'],
      [['--since', '2h', 'a.json', '--backend', backend], 'diff --since reads the backend: it takes no files'],
    ]) {
      const result = await runCli(env, ['diff', ...argv]);
      expect(result).toMatchObject({ code: 2, err: expect.stringContaining(`ecs-networking: ${message}\n`) });
    }
    expect(requests).toEqual([]);
  });

  it('reads --since as a duration before now or an ISO 8601 time', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(parseSince('2h', now)).toBe('2026-03-01T10:00:00.000Z');
    expect(parseSince('30m', now)).toBe('2026-03-01T11:30:00.000Z');
    expect(parseSince('7d', now)).toBe('2026-02-22T12:00:00.000Z');
    expect(parseSince('2026-03-01T13:00:00+02:00', now)).toBe('2026-03-01T11:00:00.000Z');
    expect(parseSince('2 hours', now)).toBeUndefined();
  });
});
