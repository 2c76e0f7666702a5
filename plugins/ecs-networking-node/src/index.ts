/**
 * Reading ECS networking from AWS, for the backend plugin, the CLI and the
 * benchmarks: paced under AWS quotas, enrichments optional, answers that
 * cannot come from AWS resolved, secrets dropped as soon as they are read.
 *
 * @packageDocumentation
 */

export { EstateReader } from './EstateReader';
export type { ScopeConfig } from './reader/ScopeConfig';
export type {
  ReaderOptions,
  ScopeReadResult,
  ScopeRefreshResult,
} from './reader/ScopeReader';
export type { ServiceRefresh } from './reader/refreshServices';
export { applyServiceRefresh, keepLaterRefreshes } from './reader/applyServiceRefresh';
export { CallStats } from './aws/CallStats';
export { DEFAULT_AWS_TIMEOUTS } from './aws/scopeClients';
export type { AwsTimeouts } from './aws/scopeClients';
export { ENRICHMENTS } from './reader/ReadNotes';
export type { Enrichment } from './reader/ReadNotes';
export { ecsNetworkingServiceRef } from './client/ecsNetworkingServiceRef';
export { ruleString, validateInputSchema } from './plan/validateInputSchema';
export type { ValidateInput, Zod } from './plan/validateInputSchema';
