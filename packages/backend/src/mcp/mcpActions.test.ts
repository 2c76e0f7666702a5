import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackendProcess } from '../reliability/BackendProcess';
import { describeReliability, reliabilityTitle } from '../reliability/gate';
import { LocalAwsProcess } from '../reliability/LocalAwsProcess';
import { waitFor } from '../reliability/waitFor';

/** A guest user's token, as the frontend gets it when someone signs in. */
async function guestToken(backend: BackendProcess): Promise<string> {
  const response = await fetch(`${backend.url}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`guest sign-in: ${response.status} ${await response.text()}`);
  return (await response.json()).backstageIdentity.token;
}

/**
 * One JSON-RPC request to the MCP actions backend's streamable HTTP endpoint,
 * as an MCP client sends it; the answer comes as a JSON body or as one
 * server-sent event, whichever the server picks.
 */
async function mcp(backend: BackendProcess, token: string, method: string, params: Record<string, unknown>) {
  const response = await fetch(`${backend.url}/api/mcp-actions/v1`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method}: ${response.status} ${text}`);
  const json = text.trimStart().startsWith('{')
    ? text
    : text
        .split('\n')
        .filter(line => line.startsWith('data:'))
        .map(line => line.slice('data:'.length))
        .join('');
  const message = JSON.parse(json);
  if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
  return message.result;
}

describeReliability(reliabilityTitle('the ecs-networking actions over MCP in the demo backend'), () => {
  let dir: string;
  let localAws: LocalAwsProcess | undefined;
  let backend: BackendProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ecsnet-mcp-'));
    localAws = await LocalAwsProcess.start();
    backend = await BackendProcess.start({
      label: 'backend',
      dir,
      localAws,
      database: { client: 'better-sqlite3', connection: ':memory:' },
      sync: { frequency: 'PT5M', timeout: 'PT1M' },
    });
    await waitFor('first sync', () => backend!.syncs().length > 0, {
      timeoutMs: 120_000,
      ...backend.child.waitOptions(),
    });
  }, 300_000);

  afterAll(async () => {
    await backend?.kill();
    await localAws?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('lists the actions as read-only tools and answers a call with the caller’s token', async () => {
    const token = await guestToken(backend!);
    const { tools } = await mcp(backend!, token, 'tools/list', {});
    const ours = tools.filter((t: { name: string }) => t.name.startsWith('ecs-networking.'));
    expect(ours.map((t: { name: string }) => t.name).sort()).toEqual([
      'ecs-networking.blast-radius',
      'ecs-networking.changes',
      'ecs-networking.validate-service',
      'ecs-networking.who-owns',
    ]);
    for (const tool of ours) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
      expect(tool.inputSchema).toMatchObject({ type: 'object' });
    }
    // Only read-only actions are offered (backend.actions.filter).
    expect(tools.every((t: { annotations: { readOnlyHint: boolean } }) => t.annotations.readOnlyHint)).toBe(true);

    const result = await mcp(backend!, token, 'tools/call', {
      name: 'ecs-networking.who-owns',
      arguments: { query: 'order-service:8080' },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      owners: ['group:default/team-orders'],
      matches: [{ matchedBy: 'endpoint', service: { name: 'order-service', component: 'component:default/order-service' } }],
    });
    expect(JSON.parse(result.content[0].text)).toEqual(result.structuredContent);

    // Without a token there is no session at all.
    const anonymous = await fetch(`${backend!.url}/api/mcp-actions/v1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    expect(anonymous.status).toBe(401);
  }, 60_000); // a backend round trip per tool call: seconds on a loaded machine
});
