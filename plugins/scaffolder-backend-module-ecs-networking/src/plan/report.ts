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

/** True when the problems block the plan. */
export function blocks(problems: Problem[], failOnWarnings = false): boolean {
  return problems.some(
    p => p.severity === 'error' || (failOnWarnings && p.severity === 'warning'),
  );
}
