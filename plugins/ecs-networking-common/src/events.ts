/**
 * Events-service topic the backend plugin publishes after every sync; the
 * catalog module subscribes so entities follow a sync without waiting for
 * its own schedule.
 *
 * @public
 */
export const SNAPSHOT_UPDATED_TOPIC = 'ecs-networking.snapshot-updated';
