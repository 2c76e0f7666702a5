import {
  CHANGES_MAX_LIMIT,
  EcsNetworkingClient,
  type ChangesQuery,
  type RecordedChange,
} from '@ecs-net/plugin-ecs-networking-common';
import { formatChanges } from './formats/changes';
import type { Io } from './run';

/** What `diff --since` asks the backend. */
export interface BackendDiffOptions {
  /** A Backstage instance (its base URL) or the plugin's API base. */
  backend: string;
  query: Omit<ChangesQuery, 'before' | 'limit'>;
  /** Changes to print at most; the pages are followed until then. */
  max: number;
  format: 'table' | 'json';
}

const DURATION = /^(\d+)([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** An ISO 8601 time, normalised; undefined when it is not one. */
export function parseTime(value: string): string | undefined {
  return /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;
}

/** `2h`, `30m`, `7d` before now, or an ISO 8601 time; undefined when it is neither. */
export function parseSince(value: string, now = Date.now()): string | undefined {
  const duration = DURATION.exec(value);
  if (duration) return new Date(now - Number(duration[1]) * UNIT_MS[duration[2] as 'm' | 'h' | 'd']).toISOString();
  return parseTime(value);
}

/** `https://backstage.example.com` → its `/api/ecs-networking`; a URL already ending so is kept. */
function apiBase(backend: string): string {
  const base = backend.replace(/\/+$/, '');
  return base.endsWith('/api/ecs-networking') ? base : `${base}/api/ecs-networking`;
}

/**
 * `diff --since 2h --backend <url>`: what the backend recorded in a window,
 * newest first, following its pages up to `max` changes; when the window
 * holds more, it says so and where it stopped. The token, when set, is
 * `BACKSTAGE_TOKEN`'s: an environment variable, not an argument, so it
 * stays out of shell history and process lists. Exits like the file diff:
 * 0 nothing changed, 1 something did, 2 the backend could not answer.
 */
export async function runBackendDiff(options: BackendDiffOptions, io: Io): Promise<number> {
  const token = io.env.BACKSTAGE_TOKEN || undefined;
  const client = new EcsNetworkingClient({ discoveryApi: { getBaseUrl: async () => apiBase(options.backend) } });
  const changes: RecordedChange[] = [];
  let window: { since: string; until: string } | undefined;
  let before: string | undefined;
  try {
    do {
      const page = await client.getChanges({
        ...options.query,
        ...window,
        before,
        limit: Math.min(CHANGES_MAX_LIMIT, options.max - changes.length),
      }, { token });
      window = { since: page.since, until: page.until };
      changes.push(...page.changes);
      before = page.nextBefore;
    } while (before && changes.length < options.max);
  } catch (error) {
    // A ResponseError carries the backend's own explanation in its body.
    const reason = (error as { body?: { error?: { message?: string } } }).body?.error?.message;
    const hint = token ? '' : ' (BACKSTAGE_TOKEN is not set)';
    io.err(`ecs-networking: ${apiBase(options.backend)}/changes: ${(error as Error).message}${reason ? `: ${reason}` : ''}${hint}\n`);
    return 2;
  }
  if (before) {
    io.err(
      `ecs-networking: stopped after the newest ${changes.length} changes; the window holds older ones ` +
        `(before ${changes[changes.length - 1].at}): narrow --since or raise --max-changes\n`,
    );
  }
  if (options.format === 'json') {
    io.out(`${JSON.stringify({ ...window, truncated: Boolean(before), changes }, null, 2)}\n`);
  } else if (changes.length) io.out(`${formatChanges(changes)}\n`);
  else io.out(`No changes between ${window!.since} and ${window!.until}.\n`);
  return changes.length ? 1 : 0;
}
