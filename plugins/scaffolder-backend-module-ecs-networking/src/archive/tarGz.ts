import { gzipSync } from 'node:zlib';

/** One file of an archive, its path relative to the archive's root. */
export interface ArchiveFile {
  path: string;
  content: Buffer;
  executable?: boolean;
}

const BLOCK = 512;

/** `value` as a NUL-terminated octal field of `width` bytes. */
function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/**
 * Splits a path into ustar's name (100 bytes) and prefix (155 bytes) at a
 * slash; paths that do not fit are refused rather than cut.
 */
function splitPath(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) {
      return { name, prefix };
    }
  }
  throw new Error(`${path} is too long a path for the archive`);
}

function header(file: ArchiveFile, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { name, prefix } = splitPath(file.path);
  block.write(name, 0);
  block.write(octal(file.executable ? 0o755 : 0o644, 8), 100);
  block.write(octal(0, 8), 108);
  block.write(octal(0, 8), 116);
  block.write(octal(file.content.length, 12), 124);
  block.write(octal(mtime, 12), 136);
  block.write(' '.repeat(8), 148);
  block.write('0', 156);
  block.write('ustar\x0000', 257);
  block.write(prefix, 345);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/**
 * A gzipped POSIX (ustar) tar of regular files, as `tar -xzf` reads it.
 * Written here rather than taken from a tar library: the archive holds a
 * template's few small generated files, and this is all it needs.
 */
export function tarGz(files: ArchiveFile[], mtime = new Date()): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(header(file, seconds), file.content);
    const pad = (BLOCK - (file.content.length % BLOCK)) % BLOCK;
    parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return gzipSync(Buffer.concat(parts));
}
