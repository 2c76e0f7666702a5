import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Extracts a .tar.gz with the system's tar into a new temporary directory,
 * so archives are checked by a reader that is not ours.
 */
export async function untar(archive: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'archive-'));
  await writeFile(join(dir, 'archive.tar.gz'), archive);
  execFileSync('tar', ['-xzf', 'archive.tar.gz'], { cwd: dir });
  return dir;
}
