import { randomUUID } from 'node:crypto';
import { now } from '../util/clock';

/**
 * An event as EventBridge delivers it to an SQS target: the message body is
 * this object as JSON.
 *
 * @public
 */
export interface EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  /** ISO 8601 to the second, as EventBridge writes it. */
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** EventBridge writes times to the second, without fractions. */
export function eventTime(at: Date = now()): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

export function eventBridgeEvent(fields: {
  detailType: string;
  source: string;
  account: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}): EventBridgeEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': fields.detailType,
    source: fields.source,
    account: fields.account,
    time: eventTime(),
    region: fields.region,
    resources: fields.resources,
    detail: fields.detail,
  };
}
