/**
 * Events-service topic the backend plugin publishes after every sync; the
 * catalog module subscribes so entities follow a sync without waiting for
 * its own schedule.
 *
 * @public
 */
export const SNAPSHOT_UPDATED_TOPIC = 'ecs-networking.snapshot-updated';

/**
 * What `SNAPSHOT_UPDATED_TOPIC` carries: after a full sync (`sync`, the
 * reconciliation), or after services were re-read on AWS change events
 * (`events`, naming the services whose stored state changed).
 *
 * @public
 */
export type SnapshotUpdatedPayload =
  | {
      trigger: 'sync';
      scopes: Array<{ accountId: string; region: string; ok: boolean }>;
    }
  | {
      trigger: 'events';
      scopes: Array<{ accountId: string; region: string }>;
      services: string[];
    };
