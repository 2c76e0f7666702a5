import type { Problem } from './types';

function describeProblem(problem: Problem, index?: number): string {
  const where =
    problem.source && problem.source !== 'input' ? ` (${problem.source})` : '';
  const head = index === undefined ? '  - ' : `  ${index}. `;
  const lines = [`${head}${problem.message}${where} [${problem.ruleId}]`];
  if (problem.fix) lines.push(`     Fix: ${problem.fix}`);
  return lines.join('\n');
}

/**
 * One message listing every problem, errors numbered first, then warnings:
 * what is wrong, where, why, and what to change.
 *
 * @public
 */
export function formatProblems(subject: string, problems: Problem[]): string {
  const errors = problems.filter(p => p.severity === 'error');
  const warnings = problems.filter(p => p.severity === 'warning');
  const lines: string[] = [];
  if (errors.length > 0) {
    lines.push(
      `${subject} has ${errors.length} problem${
        errors.length === 1 ? '' : 's'
      } to fix:`,
      ...errors.map((p, i) => describeProblem(p, i + 1)),
    );
  } else {
    lines.push(`${subject} has no blocking problems.`);
  }
  if (warnings.length > 0) {
    lines.push(
      `Warning${warnings.length === 1 ? '' : 's'}:`,
      ...warnings.map(p => describeProblem(p)),
    );
  }
  return lines.join('\n');
}

const RANK: Record<Problem['severity'], number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/**
 * Errors first, then warnings, then notes, each in the order found; a
 * problem found twice (the same rule, message and source) is listed once.
 *
 * @public
 */
export function orderProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter(p => {
    const key = [p.severity, p.ruleId, p.source ?? '', p.message].join(
      '\u0000',
    );
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** True when the problems block the plan. @public */
export function blocks(problems: Problem[], failOnWarnings = false): boolean {
  return problems.some(
    p => p.severity === 'error' || (failOnWarnings && p.severity === 'warning'),
  );
}
