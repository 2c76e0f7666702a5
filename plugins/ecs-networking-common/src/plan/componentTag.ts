import type { AddProblem, CheckOptions, PlannedService } from './types';

/** The tag that links the synced service to its catalog Component. */
export function componentTagProblem(
  plan: PlannedService,
  options: CheckOptions,
  add: AddProblem,
): void {
  const componentKey = options.tagKeys?.component || 'component';
  if (plan.tags[componentKey]?.trim()) return;
  add('warning', {
    ruleId: 'component-tag-missing',
    message: `The service has no "${componentKey}" tag, so once synced it links to no catalog Component.`,
    fix: `Tag the ECS service with ${componentKey}=<component name>.`,
  });
}
