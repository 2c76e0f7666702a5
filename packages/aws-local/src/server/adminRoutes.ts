import { IncomingMessage, ServerResponse } from 'node:http';
import { CallCounter } from '../faults/CallCounter';
import { FaultConfig, FaultInjector } from '../faults/FaultInjector';
import { Throttler } from '../quotas/Throttler';
import { World } from '../world/World';
import { EVENTS_ADMIN_PREFIX, handleEventsAdmin } from './eventsAdmin';
import { json } from './adminJson';

/** Paths under this prefix are the endpoint's own; no AWS API uses them. */
export const ADMIN_PREFIX = '/_local/';

export interface AdminState {
  world: World;
  faults: FaultInjector;
  counter: CallCounter;
  throttler: Throttler;
}

/** Answers GET/POST on /_local/health, /_local/calls, /_local/calls/reset and /_local/faults. */
export function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: string,
  state: AdminState,
): void {
  if (path.startsWith(EVENTS_ADMIN_PREFIX)) {
    handleEventsAdmin(req, res, path, body, state.world);
    return;
  }
  const route = `${req.method} ${path}`;
  switch (route) {
    case 'GET /_local/health':
      json(res, 200, {
        status: 'ok',
        accounts: state.world.credentials.listAccounts(),
        regions: [
          ...new Set(state.world.listPartitions().map(p => p.region)),
        ].sort(),
      });
      return;
    case 'GET /_local/calls':
      json(res, 200, { calls: state.counter.snapshot() });
      return;
    case 'POST /_local/calls/reset':
      state.counter.reset();
      json(res, 200, { calls: [] });
      return;
    case 'GET /_local/faults':
      json(res, 200, state.faults.config);
      return;
    case 'POST /_local/faults': {
      let partial: Partial<FaultConfig>;
      try {
        partial = body.trim() === '' ? {} : JSON.parse(body);
        if (
          typeof partial !== 'object' ||
          partial === null ||
          Array.isArray(partial)
        ) {
          throw new TypeError(
            'the body must be a JSON object of fault settings',
          );
        }
        const before = state.faults.config.throttle;
        const config = state.faults.update(partial);
        if (config.throttle && !before) state.throttler.reset();
        json(res, 200, config);
      } catch (error) {
        json(res, 400, { error: (error as Error).message });
      }
      return;
    }
    default:
      json(res, 404, { error: `no such local endpoint: ${route}` });
  }
}
