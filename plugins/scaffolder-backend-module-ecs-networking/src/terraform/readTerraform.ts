import {
  isChildPath,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { parse } from '@cdktf/hcl2json';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** hcl2json's JSON form of one or more `.tf` files. */
export interface HclDocument {
  resource?: Record<string, Record<string, Record<string, unknown>[]>>;
  data?: Record<string, Record<string, Record<string, unknown>[]>>;
  locals?: Record<string, unknown>[];
  provider?: Record<string, Record<string, unknown>[]>;
  variable?: Record<string, Record<string, unknown>[]>;
}

export interface TerraformFiles {
  /** Workspace-relative paths, sorted. */
  files: string[];
  /** Every file's blocks merged, as Terraform merges a module's files. */
  document: HclDocument;
  /** Files that did not parse, with the parser's message. */
  syntaxErrors: { file: string; message: string }[];
}

const MAX_FILES = 200;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 8;

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of directories, including none.
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

async function walk(
  root: string,
  dir: string,
  depth: number,
  into: string[],
): Promise<void> {
  if (depth > MAX_DEPTH || into.length > MAX_FILES * 10) return;
  const entries = [...(await fs.readdir(dir, { withFileTypes: true }))];
  for (const entry of entries) {
    // Symbolic links could lead out of the workspace: never followed.
    if (
      entry.isSymbolicLink() ||
      entry.name === '.git' ||
      entry.name === 'node_modules'
    )
      continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, full, depth + 1, into);
    else if (entry.isFile())
      into.push(path.relative(root, full).split(path.sep).join('/'));
  }
}

/** Workspace-relative `.tf` files named by a directory or a glob. */
export async function findTerraformFiles(
  workspacePath: string,
  pattern: string,
): Promise<string[]> {
  const cleaned = pattern.replace(/^\.\/+/, '').replace(/\/+$/, '') || '.';
  let files: string[];
  if (!/[*?]/.test(cleaned)) {
    const target = resolveSafeChildPath(workspacePath, cleaned);
    const stat = await fs.lstat(target).catch(() => undefined);
    if (!stat)
      throw new InputError(
        `No file or directory "${pattern}" in the workspace.`,
      );
    if (stat.isSymbolicLink())
      throw new InputError(
        `"${pattern}" is a symbolic link; give the real path.`,
      );
    if (stat.isDirectory()) {
      const entries = [...(await fs.readdir(target, { withFileTypes: true }))];
      files = entries
        .filter(e => e.isFile() && e.name.endsWith('.tf'))
        .map(e =>
          path
            .relative(workspacePath, path.join(target, e.name))
            .split(path.sep)
            .join('/'),
        );
    } else {
      files = [path.relative(workspacePath, target).split(path.sep).join('/')];
    }
  } else {
    const all: string[] = [];
    await walk(workspacePath, workspacePath, 0, all);
    const regex = globToRegExp(cleaned);
    files = all.filter(f => regex.test(f) && f.endsWith('.tf'));
  }
  if (files.length > MAX_FILES) {
    throw new InputError(
      `"${pattern}" matches ${files.length} Terraform files; at most ${MAX_FILES} are read.`,
    );
  }
  return files.sort();
}

/** Key under which each resource and data block remembers its file. */
export const FILE_KEY = '//file';

function mergeInto(
  target: HclDocument,
  source: HclDocument,
  file: string,
): void {
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries(source[kind] ?? {})) {
      const targetByType = ((target[kind] ??= {})[type] ??= {});
      for (const [name, blocks] of Object.entries(byName)) {
        (targetByType[name] ??= []).push(
          ...blocks.map(b => ({ ...b, [FILE_KEY]: file })),
        );
      }
    }
  }
  for (const kind of ['provider', 'variable'] as const) {
    for (const [name, blocks] of Object.entries(source[kind] ?? {})) {
      ((target[kind] ??= {})[name] ??= []).push(...blocks);
    }
  }
  if (source.locals) (target.locals ??= []).push(...source.locals);
}

/**
 * Reads and parses the Terraform files a path or glob names. Only regular
 * files inside the workspace are read; symbolic links are skipped.
 */
export async function readTerraform(
  workspacePath: string,
  pattern: string,
): Promise<TerraformFiles> {
  const files = await findTerraformFiles(workspacePath, pattern);
  const document: HclDocument = {};
  const syntaxErrors: TerraformFiles['syntaxErrors'] = [];
  for (const file of files) {
    const full = resolveSafeChildPath(workspacePath, file);
    if (!isChildPath(workspacePath, full)) continue;
    const stat = await fs.lstat(full);
    if (!stat.isFile()) continue;
    if (stat.size > MAX_FILE_BYTES) {
      syntaxErrors.push({
        file,
        message: `larger than ${MAX_FILE_BYTES} bytes, not read`,
      });
      continue;
    }
    const content = await fs.readFile(full, 'utf8');
    try {
      mergeInto(document, (await parse(file, content)) as HclDocument, file);
    } catch (error) {
      syntaxErrors.push({
        file,
        message: String(error instanceof Error ? error.message : error),
      });
    }
  }
  return { files, document, syntaxErrors };
}
