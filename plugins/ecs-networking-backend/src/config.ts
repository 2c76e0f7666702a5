import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { TagKeys, DEFAULT_TAG_KEYS } from '@ecs-net/plugin-ecs-networking-common';
import { AwsTimeouts, DEFAULT_AWS_TIMEOUTS } from './aws/scopeClients';
import type { ScopeConfig } from './reader/ScopeReader';

export interface EcsNetworkingConfig {
  scopes: ScopeConfig[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  tagKeys: TagKeys;
  defaultOwner: string;
  quotaShare: number;
  concurrency: number;
  timeouts: AwsTimeouts;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 4 },
  initialDelay: { seconds: 10 },
};

export function readEcsNetworkingConfig(root: Config): EcsNetworkingConfig {
  const config = root.getOptionalConfig('ecsNetworking');
  const scopes: ScopeConfig[] = [];
  for (const account of config?.getOptionalConfigArray('accounts') ?? []) {
    const accountId = account.getString('accountId');
    if (!/^\d{12}$/.test(accountId)) {
      throw new InputError(
        `ecsNetworking.accounts: "${accountId}" is not a 12-digit AWS account id`,
      );
    }
    const regions = account.getStringArray('regions');
    if (regions.length === 0) {
      throw new InputError(
        `ecsNetworking.accounts: account ${accountId} lists no regions`,
      );
    }
    for (const region of regions) {
      scopes.push({
        accountId,
        region,
        clusters: account.getOptionalStringArray('clusters'),
        namespaces: account.getOptionalStringArray('namespaces'),
      });
    }
  }
  const quotaShare = config?.getOptionalNumber('quotaShare') ?? 0.9;
  if (quotaShare < 0.1 || quotaShare > 1) {
    throw new InputError('ecsNetworking.quotaShare must be between 0.1 and 1');
  }
  const timeout = (key: string, fallback: number) => {
    const value = config?.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(value) || value <= 0) {
      throw new InputError(`ecsNetworking.${key} must be a positive whole number of milliseconds`);
    }
    return value;
  };
  const tags = config?.getOptionalConfig('tags');
  return {
    scopes,
    schedule: config?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    tagKeys: {
      owner: tags?.getOptionalString('owner') ?? DEFAULT_TAG_KEYS.owner,
      system: tags?.getOptionalString('system') ?? DEFAULT_TAG_KEYS.system,
      lifecycle:
        tags?.getOptionalString('lifecycle') ?? DEFAULT_TAG_KEYS.lifecycle,
      component:
        tags?.getOptionalString('component') ?? DEFAULT_TAG_KEYS.component,
      dependsOn:
        tags?.getOptionalString('dependsOn') ?? DEFAULT_TAG_KEYS.dependsOn,
    },
    defaultOwner:
      config?.getOptionalString('ownership.defaultOwner') ??
      'group:default/unknown',
    quotaShare,
    concurrency: config?.getOptionalNumber('concurrency') ?? 8,
    timeouts: {
      requestMs: timeout('requestTimeoutMs', DEFAULT_AWS_TIMEOUTS.requestMs),
      connectionMs: timeout('connectionTimeoutMs', DEFAULT_AWS_TIMEOUTS.connectionMs),
    },
  };
}
