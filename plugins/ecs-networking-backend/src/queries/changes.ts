import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { type ChangesQuery, type ChangesResponse, neighbourhood } from '@ecs-net/plugin-ecs-networking-common';
import type { ChangesCursor, HistoryStore } from '../history/HistoryStore';
import type { NetworkService } from '../service/NetworkService';
import { entityServiceArns } from '../service/entityNetwork';
import type { NetworkAccess } from './access';

const DAY_MS = 24 * 3600_000;

/** The query `readChanges` takes: the caller's, with the defaults applied. */
export type ChangesRequest = Omit<ChangesQuery, 'hops' | 'limit'> & Required<Pick<ChangesQuery, 'hops' | 'limit'>>;

/** `before`/`nextBefore` of `GET /changes`: `<generation>.<seq>`, a place in the order changes are served in. */
const CURSOR = /^(\d{1,15})\.(\d{1,9})$/;

function parseCursor(before: string): ChangesCursor {
  const match = CURSOR.exec(before);
  if (!match) throw new InputError("before: expected a response's nextBefore");
  return { generation: Number(match[1]), seq: Number(match[2]) };
}

/**
 * What changed in a time window (default the last 24 hours), for the whole
 * estate or one entity's services and their neighbours, a page at a time
 * (newest first; `nextBefore` continues it). One entity's
 * changes follow the entity's visibility, like its network; the whole
 * estate's need the estate permission. Times are ISO 8601 with an offset,
 * as the callers' schemas check.
 */
export async function readChanges(
  deps: { network: NetworkService; history: HistoryStore; access: NetworkAccess },
  credentials: BackstageCredentials,
  query: ChangesRequest,
): Promise<ChangesResponse> {
  // Stored times are UTC ISO strings: compared as text, every time must be one.
  const until = new Date(query.until ?? Date.now()).toISOString();
  const since = query.since ? new Date(query.since).toISOString() : new Date(Date.parse(until) - DAY_MS).toISOString();
  if (since > until) throw new InputError('since: must not be after until');
  if (query.hops > 0 && !query.entityRef) throw new InputError('hops: hops needs an entityRef');
  const before = query.before === undefined ? undefined : parseCursor(query.before);
  let serviceArns: string[] | undefined;
  if (query.entityRef) {
    const entity = await deps.access.visibleEntity(credentials, query.entityRef);
    const view = await deps.network.current();
    serviceArns = [...neighbourhood(view.indexes, entityServiceArns(view, entity), query.hops)];
  } else {
    await deps.access.authorizeEstate(credentials);
  }
  const { next, ...page } = await deps.history.changes({ since, until, serviceArns, limit: query.limit, before });
  return { since, until, ...page, nextBefore: next && `${next.generation}.${next.seq}` };
}
