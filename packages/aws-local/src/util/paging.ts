import { AwsError } from './AwsError';

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
}

export interface PageLimits {
  /** What the service returns when the caller gives no page size. */
  defaultSize: number;
  /** The largest page size the service accepts. */
  maxSize: number;
  /** The member name the caller used, for the error message. */
  memberName: string;
  invalid: (message: string) => AwsError;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

// Tokens are opaque to clients, as AWS's are; a prefix lets a token from
// another listing be told apart from a corrupt one.
const TOKEN_PREFIX = 'lcl1:';

function encodeToken(scope: string, offset: number): string {
  return Buffer.from(
    `${TOKEN_PREFIX}${JSON.stringify({ s: scope, o: offset })}`,
  ).toString('base64');
}

function decodeToken(
  token: string,
  scope: string,
  invalid: (message: string) => AwsError,
): number {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (!text.startsWith(TOKEN_PREFIX)) {
    throw invalid('The specified nextToken is invalid.');
  }
  try {
    const parsed = JSON.parse(text.slice(TOKEN_PREFIX.length));
    if (parsed.s !== scope || !Number.isInteger(parsed.o) || parsed.o < 0) {
      throw new Error('token from another listing');
    }
    return parsed.o;
  } catch {
    throw invalid('The specified nextToken is invalid.');
  }
}

export function checkPageSize(
  maxResults: number | undefined,
  limits: PageLimits,
): number {
  if (maxResults === undefined) {
    return limits.defaultSize;
  }
  if (
    !Number.isInteger(maxResults) ||
    maxResults < 1 ||
    maxResults > limits.maxSize
  ) {
    throw limits.invalid(
      `1 validation error detected: Value '${maxResults}' at '${limits.memberName}' failed to satisfy constraint: Member must have value between 1 and ${limits.maxSize}`,
    );
  }
  return maxResults;
}

/**
 * Cuts one page out of a listing. `scope` names the listing (operation and
 * filters) so a token cannot be replayed against a different one.
 */
export function paginate<T>(
  all: readonly T[],
  request: PageRequest,
  limits: PageLimits,
  scope: string,
): Page<T> {
  const size = checkPageSize(request.maxResults, limits);
  const start = request.nextToken
    ? decodeToken(request.nextToken, scope, limits.invalid)
    : 0;
  const items = all.slice(start, start + size);
  const end = start + items.length;
  return {
    items,
    nextToken: end < all.length ? encodeToken(scope, end) : undefined,
  };
}
