import { IncomingMessage, ServerResponse } from 'node:http';
import { EventFaultConfig } from '../events/eventFaults';
import { World } from '../world/World';
import { json } from './adminJson';

export const EVENTS_ADMIN_PREFIX = '/_local/events';

/**
 * `GET /_local/events`: target queues, delivery counts and fault settings;
 * `POST /_local/events/faults`: changes the event faults (see EventFaultConfig);
 * `POST /_local/events/targets` with `{"queueArn": …}`: adds a target queue.
 */
export function handleEventsAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: string,
  world: World,
): void {
  const route = `${req.method} ${path}`;
  const bus = world.events;
  try {
    const input = () => {
      const value = body.trim() === '' ? {} : JSON.parse(body);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new TypeError('the body must be a JSON object');
      }
      return value;
    };
    switch (route) {
      case 'GET /_local/events':
        json(res, 200, {
          targets: bus.targetArns(),
          stats: bus.stats(),
          faults: bus.faultConfig(),
        });
        return;
      case 'POST /_local/events/faults':
        json(res, 200, bus.setFaults(input() as Partial<EventFaultConfig>));
        return;
      case 'POST /_local/events/targets':
        bus.addTarget(String(input().queueArn));
        json(res, 200, { targets: bus.targetArns() });
        return;
      default:
        json(res, 404, { error: `no such local endpoint: ${route}` });
    }
  } catch (error) {
    json(res, 400, { error: (error as Error).message });
  }
}
