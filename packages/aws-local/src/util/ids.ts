import { createHash } from 'node:crypto';

// Every identifier is a hash of what it names (plus a sequence number where
// names repeat), so an estate seeded twice yields the same IDs and the demo
// catalog stays stable from run to run.

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function digest(parts: ReadonlyArray<string | number>): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

/** `length` characters of `alphabet`, drawn from hashes of `parts`. */
function idFrom(
  alphabet: string,
  length: number,
  parts: Array<string | number>,
): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    for (const byte of digest([...parts, round])) {
      out += alphabet[byte % alphabet.length];
    }
  }
  return out.slice(0, length);
}

/** Lowercase hex, as in ECS task and container instance IDs. */
export function hexId(
  length: number,
  ...parts: Array<string | number>
): string {
  return idFrom('0123456789abcdef', length, parts);
}

/** Lowercase base32, as in Cloud Map `ns-`/`srv-` IDs. */
export function base32Id(
  length: number,
  ...parts: Array<string | number>
): string {
  return idFrom(BASE32, length, parts);
}

/** Decimal digits, as in ECS deployment IDs (`ecs-svc/1234…`). */
export function digitsId(
  length: number,
  ...parts: Array<string | number>
): string {
  return idFrom('0123456789', length, parts);
}

/** A UUID-shaped identifier (ECS attachment and request IDs). */
export function uuidId(...parts: Array<string | number>): string {
  const hex = hexId(32, ...parts);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `8${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
