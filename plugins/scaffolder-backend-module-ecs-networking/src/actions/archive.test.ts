import type { CacheService } from '@backstage/backend-plugin-api';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { symlinkSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { untar } from '../__testUtils__/untar';
import { ArchiveStore } from '../archive/archiveStore';
import { createArchiveAction } from './archive';

/** A cache that keeps what it is given; the store checks expiry itself. */
function mapCache(): CacheService {
  const values = new Map<string, any>();
  const cache: CacheService = {
    get: async key => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async key => {
      values.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}

const GENERATED = {
  'README.md': '# cart-service\n',
  'catalog-info.yaml': 'kind: Component\n',
  'terraform/main.tf': 'resource "aws_ecs_service" "this" {}\n',
};

describe('ecs-networking:archive', () => {
  const workspace = createMockDirectory({ content: GENERATED });
  let now = new Date('2026-12-05T10:00:00Z');
  const store = new ArchiveStore(
    mapCache(),
    { maxBytes: 200, expiresAfterMs: 60 * 60 * 1000 },
    () => now,
  );

  async function run(input: Record<string, unknown>) {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
      user: { ref: 'user:default/ana' },
    });
    const outputs: Record<string, any> = {};
    (ctx.output as jest.Mock).mockImplementation((name, value) => {
      outputs[name] = value;
    });
    await createArchiveAction({ store }).handler(ctx);
    return outputs;
  }

  it('stores the workspace files for the user who ran the task, until they expire', async () => {
    symlinkSync('README.md', join(workspace.path, 'link'));
    const outputs = await run({ name: 'cart-service', path: '.' });
    expect(outputs.files.sort()).toEqual(Object.keys(GENERATED).sort());
    expect(outputs.expiresAt).toBe('2026-12-05T11:00:00.000Z');
    expect(outputs.downloadPath).toBe(
      `/ecs-networking/archives/${outputs.archiveId}/download`,
    );

    const found = await store.get(outputs.archiveId);
    expect(found?.listing).toMatchObject({
      name: 'cart-service',
      owner: 'user:default/ana',
    });
    const dir = await untar(found!.data);
    try {
      for (const [path, content] of Object.entries(GENERATED)) {
        expect(await readFile(join(dir, path), 'utf8')).toBe(content);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    now = new Date('2026-12-05T11:00:00Z');
    expect(await store.get(outputs.archiveId)).toBeUndefined();
  });

  it('archives a subdirectory', async () => {
    const outputs = await run({ name: 'tf', path: 'terraform' });
    expect(outputs.files).toEqual(['main.tf']);
  });

  it('refuses more than the configured bytes, and a path out of the workspace', async () => {
    workspace.addContent({ 'big.bin': 'x'.repeat(200) });
    await expect(run({ name: 'cart-service', path: '.' })).rejects.toThrow(
      /hold \d+ bytes, more than the 200 an archive may/,
    );
    await expect(run({ name: 'x', path: '../..' })).rejects.toThrow(
      /outside/i,
    );
  });
});
