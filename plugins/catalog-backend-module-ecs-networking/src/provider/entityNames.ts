import { createHash } from 'node:crypto';

const MAX = 63;

const DIRECTIONS: Record<string, string> = {
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** `eu-west-1` → `euw1`, `ap-southeast-2` → `apse2`, `us-gov-west-1` → `usgovw1`. */
export function regionCode(region: string): string {
  const parts = region.toLowerCase().split('-');
  if (parts.length < 3 || !/^\d+$/.test(parts[parts.length - 1])) return sanitize(region);
  return parts.map(part => DIRECTIONS[part] ?? part).join('');
}

function sanitize(part: string): string {
  return part
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '')
    .replace(/([._-])[._-]+/g, '$1');
}

function shortHash(value: string, length = 6): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/**
 * A valid entity name (≤ 63 chars, `[a-zA-Z0-9]` at both ends, `[-._]`
 * between) from readable parts. It depends only on the parts, so it is the
 * same on every sync; over-long names keep their start and gain a hash of the
 * full name so they stay unique.
 */
export function entityName(parts: string[]): string {
  const full = parts.map(sanitize).filter(Boolean).join('-') || 'unnamed';
  if (full.length <= MAX) return full;
  const hash = shortHash(full);
  return `${full.slice(0, MAX - hash.length - 1).replace(/[^a-zA-Z0-9]+$/, '')}-${hash}`;
}

/**
 * Resolves names that still collide (for example two names that only differ
 * in characters sanitising removed). The member with the smallest key keeps
 * the plain name; the others get a hash of their key, so the outcome does not
 * depend on read order.
 */
export function resolveCollisions<T>(
  items: T[],
  name: (item: T) => string,
  key: (item: T) => string,
): Map<T, string> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const n = name(item).toLowerCase();
    groups.set(n, [...(groups.get(n) ?? []), item]);
  }
  const names = new Map<T, string>();
  for (const group of groups.values()) {
    group.sort((a, b) => key(a).localeCompare(key(b)));
    group.forEach((item, index) => {
      const base = name(item);
      if (index === 0) {
        names.set(item, base);
      } else {
        const hash = shortHash(key(item));
        names.set(item, `${base.slice(0, MAX - hash.length - 1).replace(/[^a-zA-Z0-9]+$/, '')}-${hash}`);
      }
    });
  }
  return names;
}
