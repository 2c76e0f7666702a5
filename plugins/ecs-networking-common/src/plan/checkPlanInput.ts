import { resolveTagKeys } from '../options';
import { checkPlan } from './checkPlan';
import { inputSyntaxProblems } from './inputSyntax';
import { planFromInput, type PlanInput } from './planInput';
import { orderProblems } from './report';
import type {
  CheckOptions,
  CheckResult,
  LiveNetwork,
  PlannedService,
} from './types';

/**
 * What `ecs-networking:validate` checks, from the plan input to the ordered
 * problems: the names' syntax, the input's own consistency, then the plan
 * against live state. The action calls it (its schema has refused bad
 * syntax already) and so does the scaffolder form while the person types,
 * so both report the same problems in the same words.
 *
 * `resolved` and `plan` are absent when the syntax is wrong: a plan of
 * malformed names is not checked against live state.
 *
 * @public
 */
export function checkPlanInput(
  input: PlanInput,
  live: LiveNetwork,
  options: CheckOptions = {},
): Pick<CheckResult, 'problems'> &
  Partial<Omit<CheckResult, 'problems'>> & { plan?: PlannedService } {
  const syntax = inputSyntaxProblems(input);
  if (syntax.length > 0) return { problems: syntax };
  const { plan, problems } = planFromInput(
    input,
    resolveTagKeys(options.tagKeys),
  );
  const result = checkPlan(plan, live, options);
  return {
    plan,
    resolved: result.resolved,
    problems: orderProblems([...problems, ...result.problems]),
  };
}
