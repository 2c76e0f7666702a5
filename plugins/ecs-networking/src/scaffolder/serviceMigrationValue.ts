import {
  serviceMigrationOf,
  type LiveNetwork,
} from '@ecs-net/plugin-ecs-networking-common';

/**
 * What EcsServicePicker stores: the service, and the Service Connect names
 * the migration will give it, so the review step shows them and the person
 * can change them before Create.
 */
export interface EcsServicePickerValue {
  serviceArn?: string;
  namespace?: string;
  discoveryName?: string;
  aliasDnsName?: string;
  aliasPort?: number;
  portName?: string;
}

/** The value for a picked service: the names the migration proposes. */
export function migrationValue(
  live: LiveNetwork,
  serviceArn: string,
): EcsServicePickerValue {
  const migration = serviceMigrationOf(live.snapshots, serviceArn);
  if (!migration) return { serviceArn };
  return {
    serviceArn,
    namespace: migration.namespace?.name,
    discoveryName: migration.discoveryName,
    aliasDnsName: migration.clientAlias?.dnsName,
    aliasPort: migration.clientAlias?.port,
    portName: migration.portName,
  };
}
