/**
 * A local AWS endpoint for ECS, Cloud Map and STS (with CloudWatch Service
 * Connect metrics and ELBv2 reads) on the real AWS wire protocols, seeded
 * from a YAML estate.
 *
 * @packageDocumentation
 */

export { startLocalAws } from './startLocalAws';
export {
  DEMO_SCOPES,
  deleteEcsServices,
  demoAwsConfig,
  startLocalAwsForSdk,
  syntheticAwsConfig,
} from './clientSetup';
export type { LocalAws, LocalAwsOptions } from './startLocalAws';
export {
  DEMO_ESTATE_PATH,
  loadEstateFile,
  parseEstate,
} from './estate/loadEstate';
export { generateEstate } from './estate/generateEstate';
// The generator's seeded random numbers, for tools that change an estate reproducibly.
export { createRandom } from './util/random';
export type { GenerateEstateOptions } from './estate/generateEstate';
export type * from './estate/types';
export type {
  CallAttempt,
  CallCount,
  CallOutcome,
} from './faults/CallCounter';
export { DEFAULT_FAULTS } from './faults/FaultInjector';
export type { FaultConfig } from './faults/FaultInjector';
export { NO_DEVIATIONS } from './faults/deviations';
export type { DeviationConfig } from './faults/deviations';
export { API_QUOTAS } from './quotas/apiQuotas';
export type { EventBridgeEvent } from './events/eventEnvelope';
export type { EventStats } from './events/EventBus';
export { NO_EVENT_FAULTS } from './events/eventFaults';
export type { EventFaultConfig } from './events/eventFaults';
export type { BucketQuota, QuotaFamilyName } from './quotas/apiQuotas';
export type { QuotaOverrides } from './quotas/Throttler';
