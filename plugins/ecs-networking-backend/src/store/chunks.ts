/** Rows per statement: well under every database's limit on bound values. */
const CHUNK = 400;

/** `items` in slices small enough for one statement each. */
export function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}
