import type { AddProblem, Problem } from './types';

/** Where the steps of a check add their problems, each marked with its source. */
export function problemCollector(source?: string): {
  problems: Problem[];
  add: AddProblem;
} {
  const problems: Problem[] = [];
  const add: AddProblem = (severity, problem) =>
    problems.push({ severity, source, ...problem });
  return { problems, add };
}
