import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Estate } from './types';

/** The estate the demo portal, the tests and the CLI use by default. */
export const DEMO_ESTATE_PATH = path.join(
  path.dirname(require.resolve('@ecs-net/aws-local/package.json')),
  'estates',
  'demo.yaml',
);

function fail(where: string, message: string): never {
  throw new Error(`estate ${where}: ${message}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function accountId(value: unknown, where: string): string {
  // An unquoted 12-digit ID reads as a YAML number; leading zeros are restored.
  const id =
    typeof value === 'number' ? String(value).padStart(12, '0') : value;
  if (typeof id !== 'string' || !/^\d{12}$/.test(id)) {
    fail(
      where,
      `account id must be 12 digits (quote it in YAML), got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return id;
}

/** Checks an estate's outline; the seeder reports problems inside regions. */
export function parseEstate(text: string, source = 'estate'): Estate {
  const doc: unknown = parse(text);
  if (!isObject(doc) || !Array.isArray(doc.accounts)) {
    fail(source, 'the document must have an `accounts` list');
  }
  const accounts = doc.accounts.map((raw: unknown, index: number) => {
    const where = `${source} accounts[${index}]`;
    if (!isObject(raw)) fail(where, 'must be a mapping');
    const regions = raw.regions ?? {};
    if (!isObject(regions))
      fail(where, '`regions` must be a mapping of region name to contents');
    const roles = (raw.roles ?? []) as Array<Record<string, unknown>>;
    return {
      ...raw,
      id: accountId(raw.id, where),
      accessKeys: (
        (raw.accessKeys ?? []) as Array<Record<string, unknown>>
      ).map(key => ({
        ...key,
        id: String(key.id),
      })),
      roles: roles.map(role => ({
        ...role,
        trustedAccounts: (role.trustedAccounts as unknown[] | undefined)?.map(
          id => accountId(id, where),
        ),
      })),
      regions,
    };
  });
  return { accounts } as Estate;
}

export function loadEstateFile(file: string): Estate {
  return parseEstate(readFileSync(file, 'utf8'), file);
}
