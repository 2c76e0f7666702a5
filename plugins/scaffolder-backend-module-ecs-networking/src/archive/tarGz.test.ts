import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { untar } from '../__testUtils__/untar';
import { tarGz } from './tarGz';

describe('tarGz', () => {
  it('writes files tar extracts byte for byte, with their modes', async () => {
    const long = `${'deep/'.repeat(30)}main.tf`;
    const files = [
      { path: 'README.md', content: Buffer.from('# cart-service\n') },
      { path: 'terraform/main.tf', content: Buffer.from('x'.repeat(1500)) },
      { path: 'scripts/run.sh', content: Buffer.from('#!/bin/sh\n'), executable: true },
      { path: 'empty', content: Buffer.alloc(0) },
      { path: long, content: Buffer.from('é') },
    ];
    const dir = await untar(tarGz(files));
    try {
      for (const file of files) {
        expect(await readFile(join(dir, file.path))).toEqual(file.content);
      }
      expect((await stat(join(dir, 'scripts/run.sh'))).mode & 0o777).toBe(0o755);
      expect((await stat(join(dir, 'README.md'))).mode & 0o777).toBe(0o644);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a path that does not fit the format', () => {
    expect(() =>
      tarGz([{ path: 'x'.repeat(101), content: Buffer.alloc(0) }]),
    ).toThrow('too long a path');
  });
});
