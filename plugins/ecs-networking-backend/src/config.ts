import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import {
  invalidConfig,
  readConfigAt,
  readDefaultOwner,
  readTagKeys,
  TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import {
  AwsTimeouts,
  DEFAULT_AWS_TIMEOUTS,
  ScopeConfig,
} from '@ecs-net/plugin-ecs-networking-node';
import type { HistorySettings } from './history/HistoryStore';
import { DEFAULT_REMOVAL_GUARD, RemovalGuardSettings } from './sync/removalGuard';

/** One account × region to read, with the removal guard that applies to it. */
export interface ConfiguredScope extends ScopeConfig {
  removalGuard: RemovalGuardSettings;
}

/** `ecsNetworking.drift`: declared against observed dependencies. */
export interface DriftSettings {
  enabled: boolean;
  /** A declared call unobserved this long is a `dependency-not-observed` finding. */
  notObservedAfterMs: number;
}

export interface EcsNetworkingConfig {
  scopes: ConfiguredScope[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** How often the catalog's side (Components, declarations) is re-read between syncs. */
  catalogSchedule: SchedulerServiceTaskScheduleDefinition;
  tagKeys: TagKeys;
  quotaShare: number;
  concurrency: number;
  timeouts: AwsTimeouts;
  /** Events service topics carrying AWS change events; none: no live updates. */
  eventTopics: string[];
  history: HistorySettings;
  drift: DriftSettings;
  /** Owner of what carries no valid owner tag (`ecsNetworking.ownership.defaultOwner`). */
  defaultOwner: string;
}


const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 4 },
  initialDelay: { seconds: 10 },
};

// Reads only the catalog (no AWS call), so it can run far more often than
// the sync: a Component or a dependsOn line edited in a repository shows in
// drift within a minute or two of the catalog processing it.
const DEFAULT_CATALOG_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 1 },
  initialDelay: { seconds: 30 },
};

/** Requests in flight per account × region; the pacer keeps them under quota either way. */
const MAX_CONCURRENCY = 100;
// Commercial, GovCloud, China and ISO partitions: `eu-west-1`,
// `ap-southeast-4`, `us-gov-west-1`, `cn-northwest-1`, `us-isob-east-1`.
// The direction is spelled out so that a typo in it is caught here.
const REGION =
  /^[a-z]{2}(-gov|-iso[a-z]?)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2}$/;

type HumanDuration = ReturnType<typeof readDurationFromConfig>;

const MS_PER_DAY = 24 * 3600_000;

const DEFAULT_HISTORY: HistorySettings = { retentionMs: 30 * MS_PER_DAY, maxChanges: 200_000 };

const DEFAULT_DRIFT: DriftSettings = { enabled: true, notObservedAfterMs: 7 * MS_PER_DAY };

const MS_PER_UNIT = {
  weeks: 7 * MS_PER_DAY,
  days: MS_PER_DAY,
  hours: 3600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
} as const;

/** The full key of `path`, where the value sits under `ecsNetworking`, e.g. `accounts[0].regions`. */
function keyOf(path: string): string {
  return `ecsNetworking${path ? `.${path}` : ''}`;
}

function fail(path: string, problem: string): never {
  return invalidConfig(keyOf(path), problem);
}

function reading<T>(path: string, read: () => T): T {
  return readConfigAt(keyOf(path), read);
}

function number(
  config: Config | undefined,
  key: string,
  path: string,
  fallback: number,
  valid: { min: number; max?: number; integer?: boolean; what: string },
): number {
  const value = reading(path, () => config?.getOptionalNumber(key)) ?? fallback;
  const inRange = value >= valid.min && (valid.max === undefined || value <= valid.max);
  if (!Number.isFinite(value) || !inRange || (valid.integer && !Number.isInteger(value))) {
    fail(path, `must be ${valid.what}, got ${value}`);
  }
  return value;
}

/** A list that, when given, names at least one thing: an empty one would silently mean "all". */
function optionalNames(config: Config, key: string, path: string): string[] | undefined {
  const values = reading(path, () => config.getOptionalStringArray(key));
  if (values === undefined) return undefined;
  if (values.length === 0) {
    fail(path, 'is empty; leave it out to read every one');
  }
  if (values.some(v => v.trim() === '')) fail(path, 'holds an empty name');
  return values;
}

function durationMs(key: string, duration: HumanDuration): number {
  if (duration.years || duration.months) {
    fail(key, 'must be given in weeks, days, hours, minutes or seconds');
  }
  const ms = Object.entries(MS_PER_UNIT).reduce(
    (sum, [unit, factor]) => sum + (duration[unit as keyof typeof MS_PER_UNIT] ?? 0) * factor,
    0,
  );
  if (!Number.isFinite(ms) || ms < 0) fail(key, 'must be a duration of zero or more');
  return ms;
}

function readRemovalGuard(
  config: Config | undefined,
  path: string,
  base: RemovalGuardSettings,
): RemovalGuardSettings {
  if (!config) return base;
  const at = (key: string) => `${path}.${key}`;
  return {
    enabled: reading(at('enabled'), () => config.getOptionalBoolean('enabled')) ?? base.enabled,
    minShare: number(config, 'minShare', at('minShare'), base.minShare, {
      min: 0.01,
      max: 1,
      what: 'a share from 0.01 to 1',
    }),
    minServices: number(config, 'minServices', at('minServices'), base.minServices, {
      min: 0,
      integer: true,
      what: 'a whole number of services, 0 or more',
    }),
    confirmAfterMs: config.has('confirmAfter')
      ? durationMs(
          at('confirmAfter'),
          reading(at('confirmAfter'), () => readDurationFromConfig(config, { key: 'confirmAfter' })),
        )
      : base.confirmAfterMs,
  };
}

function readScopes(config: Config | undefined, guard: RemovalGuardSettings): ConfiguredScope[] {
  const scopes: ConfiguredScope[] = [];
  const seen = new Set<string>();
  const accounts = reading('accounts', () => config?.getOptionalConfigArray('accounts')) ?? [];
  accounts.forEach((account, index) => {
    const path = `accounts[${index}]`;
    const accountId = reading(`${path}.accountId`, () => account.getString('accountId'));
    if (!/^\d{12}$/.test(accountId)) {
      fail(`${path}.accountId`, `"${accountId}" is not a 12-digit AWS account id`);
    }
    const regions = reading(`${path}.regions`, () => account.getStringArray('regions'));
    if (regions.length === 0) {
      fail(`${path}.regions`, `account ${accountId} lists no regions`);
    }
    const clusters = optionalNames(account, 'clusters', `${path}.clusters`);
    const namespaces = optionalNames(account, 'namespaces', `${path}.namespaces`);
    const removalGuard = readRemovalGuard(
      account.getOptionalConfig('removalGuard'),
      `${path}.removalGuard`,
      guard,
    );
    for (const region of regions) {
      if (!REGION.test(region)) {
        fail(`${path}.regions`, `"${region}" is not an AWS region name (like eu-west-1)`);
      }
      const key = `${accountId}/${region}`;
      if (seen.has(key)) {
        fail(`${path}.regions`, `account ${accountId} lists region ${region} more than once`);
      }
      seen.add(key);
      scopes.push({ accountId, region, clusters, namespaces, removalGuard });
    }
  });
  return scopes;
}

function readEventTopics(config: Config | undefined): string[] {
  if (!config?.has('events')) return [];
  const topics = reading('events.topics', () => config.getStringArray('events.topics'));
  if (topics.length === 0 || topics.some(topic => topic.trim() === '')) {
    fail('events.topics', 'must name at least one events topic, with no empty name');
  }
  return topics;
}

function readHistory(config: Config | undefined): HistorySettings {
  const history = reading('history', () => config?.getOptionalConfig('history'));
  if (!history) return DEFAULT_HISTORY;
  const retentionMs = history.has('retention')
    ? durationMs(
        'history.retention',
        reading('history.retention', () => readDurationFromConfig(history, { key: 'retention' })),
      )
    : DEFAULT_HISTORY.retentionMs;
  if (retentionMs < 3600_000) fail('history.retention', 'must be at least an hour');
  return {
    retentionMs,
    maxChanges: number(history, 'maxChanges', 'history.maxChanges', DEFAULT_HISTORY.maxChanges, {
      min: 1000,
      integer: true,
      what: 'a whole number of changes, 1000 or more',
    }),
  };
}

function readDrift(config: Config | undefined): DriftSettings {
  const drift = reading('drift', () => config?.getOptionalConfig('drift'));
  if (!drift) return DEFAULT_DRIFT;
  return {
    enabled: reading('drift.enabled', () => drift.getOptionalBoolean('enabled')) ?? DEFAULT_DRIFT.enabled,
    notObservedAfterMs: drift.has('notObservedAfter')
      ? durationMs(
          'drift.notObservedAfter',
          reading('drift.notObservedAfter', () => readDurationFromConfig(drift, { key: 'notObservedAfter' })),
        )
      : DEFAULT_DRIFT.notObservedAfterMs,
  };
}

function readSchedule(
  config: Config | undefined,
  key: 'schedule' | 'catalogSchedule',
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  if (!config?.has(key)) return fallback;
  return reading(key, () => readSchedulerServiceTaskScheduleDefinitionFromConfig(config.getConfig(key)));
}

/**
 * Reads and validates `ecsNetworking`. Every value is checked here, at
 * startup, with an error that names it: a bad value that slipped through
 * could make a read "succeed" with nothing, and the catalog's full mutation
 * would then delete the account's entities.
 */
export function readEcsNetworkingConfig(root: Config): EcsNetworkingConfig {
  const config = reading('', () => root.getOptionalConfig('ecsNetworking'));
  const guard = readRemovalGuard(
    reading('removalGuard', () => config?.getOptionalConfig('removalGuard')),
    'removalGuard',
    DEFAULT_REMOVAL_GUARD,
  );
  const timeout = (key: string, fallback: number) =>
    number(config, key, key, fallback, {
      min: 1,
      integer: true,
      what: 'a positive whole number of milliseconds',
    });
  // The catalog module uses the default owner too; it sits under
  // ecsNetworking, so a bad value stops this plugin at startup, before any read.
  const defaultOwner = readDefaultOwner(root);
  return {
    defaultOwner,
    scopes: readScopes(config, guard),
    schedule: readSchedule(config, 'schedule', DEFAULT_SCHEDULE),
    catalogSchedule: readSchedule(config, 'catalogSchedule', DEFAULT_CATALOG_SCHEDULE),
    tagKeys: readTagKeys(root),
    quotaShare: number(config, 'quotaShare', 'quotaShare', 0.9, {
      min: 0.1,
      max: 1,
      what: 'between 0.1 and 1',
    }),
    concurrency: number(config, 'concurrency', 'concurrency', 8, {
      min: 1,
      max: MAX_CONCURRENCY,
      integer: true,
      what: `a whole number from 1 to ${MAX_CONCURRENCY}`,
    }),
    timeouts: {
      requestMs: timeout('requestTimeoutMs', DEFAULT_AWS_TIMEOUTS.requestMs),
      connectionMs: timeout('connectionTimeoutMs', DEFAULT_AWS_TIMEOUTS.connectionMs),
    },
    eventTopics: readEventTopics(config),
    history: readHistory(config),
    drift: readDrift(config),
  };
}
