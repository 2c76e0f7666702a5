import type { ReadNotes } from './ReadNotes';

/** Far beyond any real listing (ECS lists 100 a page): stops an endpoint that never stops paging. */
const MAX_PAGES = 100_000;

/** How a listing is checked against what AWS would answer. */
export interface ListCheck<T> {
  /** The IAM action, for the notes: `ecs:ListServices`. */
  what: string;
  /** The item's identity: the same key twice is one item listed twice. */
  key: (item: T) => string;
  /** The page size asked for. */
  pageSize: number;
  notes: ReadNotes;
}

/**
 * Collects every page of a token-paged AWS list call. AWS never lists an
 * item twice or hands out the same token twice; an endpoint that does is
 * answered the way AWS would have it (each item once, and a token that
 * brings nothing new ends the listing), and the read notes it once.
 */
export async function collectPages<T>(
  fetchPage: (token: string | undefined) => Promise<{ items?: T[]; next?: string }>,
  check: ListCheck<T>,
): Promise<T[]> {
  const all: T[] = [];
  const keys = new Set<string>();
  const tokens = new Set<string>();
  let duplicates = 0;
  let oversized = false;
  let token: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(token);
    const items = page.items ?? [];
    if (items.length > check.pageSize) oversized = true;
    let fresh = 0;
    for (const item of items) {
      const key = check.key(item);
      if (keys.has(key)) {
        duplicates++;
        continue;
      }
      keys.add(key);
      all.push(item);
      fresh++;
    }
    token = page.next;
    if (!token) break;
    if (tokens.has(token)) {
      if (fresh === 0) {
        check.notes.anomaly(
          `${check.what} answered a paging token it had already given, with nothing new: the listing ended there`,
        );
        break;
      }
    }
    tokens.add(token);
    if (pages >= MAX_PAGES) {
      throw new Error(`${check.what} was still paging after ${MAX_PAGES} pages; the listing was given up`);
    }
  }
  if (duplicates) {
    check.notes.anomaly(`${check.what} listed {n} item(s) more than once; each was kept once`, duplicates);
  }
  if (oversized) {
    check.notes.anomaly(
      `${check.what} answered more items than the page size of ${check.pageSize} it was asked for; all were kept`,
    );
  }
  return all;
}

/**
 * Keeps the first of the items that share a key: a describe call that
 * answers an item twice must not make two of it.
 */
export function uniqueBy<T>(
  items: T[],
  key: (item: T) => string,
  what: string,
  notes: ReadNotes,
): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  if (seen.size < items.length) {
    notes.anomaly(`${what} answered {n} item(s) more than once; each was kept once`, items.length - seen.size);
  }
  return [...seen.values()];
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function mapLimited<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  if (!(limit >= 1)) throw new RangeError(`concurrency must be at least 1, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}

export function tagsToRecord(
  tags: Array<{ key?: string; value?: string } | { Key?: string; Value?: string }> | undefined,
): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) {
    const key = 'key' in tag ? tag.key : (tag as { Key?: string }).Key;
    const value = 'value' in tag ? tag.value : (tag as { Value?: string }).Value;
    if (key) record[key] = value ?? '';
  }
  return record;
}
