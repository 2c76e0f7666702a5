export { ScopeBuilder, scope } from './builders';
export type {
  CloudMapServiceSpec,
  ContainerSpec,
  ServiceSpec,
} from './builders';
export { findingsOf } from './findings';
export { demoLikeNetwork, demoLikeSnapshots, plannedService } from './demoLike';
export { planInput } from './planInput';
