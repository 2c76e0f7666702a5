export { checkPlan } from './checkPlan';
export { checkPlanInput } from './checkPlanInput';
export { inputSyntaxProblems } from './inputSyntax';
export { problemInput } from './problemInput';
export { baselineModel } from './baseline';
export { APP_PROTOCOLS, describePlan, planFromInput } from './planInput';
export type { AppProtocol, PlanInput } from './planInput';
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
