import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { readConfigAt, readDefaultOwner } from '@ecs-net/plugin-ecs-networking-common';

const KEY = 'catalog.providers.ecsNetworking';

/** What the entity provider reads from app-config. */
export interface ProviderConfig {
  /** Of the safety-net refresh; the provider also refreshes after every sync. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Create a Component for services that no tag links to one. */
  createComponents: boolean;
  /** Owner of anything without a valid owner tag (`ecsNetworking.ownership.defaultOwner`). */
  defaultOwner: string;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 15 },
};

/**
 * Reads `catalog.providers.ecsNetworking` and the one shared setting the
 * provider needs, the default owner. Everything is optional; a value of the
 * wrong shape fails at startup with an error that names it.
 */
export function readProviderConfig(config: Config): ProviderConfig {
  const provider = readConfigAt(KEY, () => config.getOptionalConfig(KEY));
  return {
    schedule: provider?.has('schedule')
      ? readConfigAt(`${KEY}.schedule`, () =>
          readSchedulerServiceTaskScheduleDefinitionFromConfig(provider.getConfig('schedule')),
        )
      : DEFAULT_SCHEDULE,
    createComponents:
      readConfigAt(`${KEY}.createComponents`, () =>
        provider?.getOptionalBoolean('createComponents'),
      ) ?? false,
    defaultOwner: readDefaultOwner(config),
  };
}
