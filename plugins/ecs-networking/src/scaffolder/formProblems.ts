import {
  checkPlanInput,
  problemInput,
  type LiveNetwork,
  type Problem,
} from '@ecs-net/plugin-ecs-networking-common';
import { formPlan, INPUT_LABELS, type EcsPlanCheckUiOptions } from './formPlan';

/** A problem of the plan, placed at the template field that fixes it. */
export interface FormProblem extends Problem {
  /** The template field (`aliasDnsName`); absent for the plan as a whole. */
  formField?: string;
  /** What the person calls that field (`Client alias DNS name`). */
  label?: string;
}

export type FormCheck =
  | { state: 'incomplete'; missing: string[] }
  | { state: 'checked'; problems: FormProblem[]; where: string };

/** What the check needs before it can say anything about live state. */
const REQUIRED = ['accountId', 'region', 'cluster', 'serviceName'] as const;

/**
 * The form checked as `ecs-networking:validate` will check it after Create:
 * the same common checks (`checkPlanInput`) against the same live network,
 * every problem at once, each at its field. Only the fields listed in
 * `show` (a step's fields) are reported, when given.
 */
export function checkForm(
  live: LiveNetwork,
  options: EcsPlanCheckUiOptions,
  form: Record<string, unknown>,
): FormCheck {
  const { input, fieldOf } = formPlan(options, form);
  const missing = REQUIRED.filter(key => !input[key]).map(
    key => INPUT_LABELS[key],
  );
  if (missing.length > 0) return { state: 'incomplete', missing };
  const problems = checkPlanInput(input, live).problems.map(
    (problem): FormProblem => {
      const path = problemInput(problem);
      const formField = fieldOf(path);
      return formField
        ? { ...problem, formField, label: path && INPUT_LABELS[path] }
        : problem;
    },
  );
  const show = options.show;
  return {
    state: 'checked',
    where: `${input.accountId} / ${input.region}, cluster ${input.cluster}`,
    problems: show
      ? problems.filter(p => p.formField && show.includes(p.formField))
      : problems,
  };
}

/** One line: the field, what is wrong, and the fix. */
export function describeFormProblem(problem: FormProblem): string {
  return `${problem.label ? `${problem.label}: ` : ''}${problem.message}${
    problem.fix ? ` Fix: ${problem.fix}` : ''
  }`;
}
