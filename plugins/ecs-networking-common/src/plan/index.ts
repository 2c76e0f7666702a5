export { checkPlan } from './checkPlan';
export { baselineModel } from './baseline';
export { bindDependencies } from './dependencies';
export type { DependencyBinding } from './dependencies';
export { blocks, formatProblems, orderProblems } from './report';
export type {
  CheckOptions,
  CheckResult,
  LiveNetwork,
  PlannedContainer,
  PlannedService,
  PlannedServiceConnect,
  PlannedServiceDiscovery,
  Problem,
  ResolvedDependency,
  ResolvedPlan,
  ResolvedServiceConnect,
  ResolvedServiceDiscovery,
} from './types';
