import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { Problem } from '@ecs-net/plugin-ecs-networking-common';

/**
 * A plan that fails its checks: the person's input was wrong, nothing
 * crashed. An InputError, so the API answers 400 with the message; its stack
 * is the message alone, because the scaffolder writes a failed step's stack
 * into the task log and the backend log, and frames of this module would
 * tell nobody what to fix.
 */
export class PlanRejectedError extends InputError {
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Logs the problems of a plan that passes (warnings and notes), one line
 * each. A plan that fails is not logged here: its error lists every problem,
 * and the task log shows that error once.
 */
export function logProblems(logger: LoggerService, problems: Problem[]) {
  for (const problem of problems) {
    const where =
      problem.source && problem.source !== 'input' ? `${problem.source}: ` : '';
    const line = `[${problem.ruleId}] ${where}${problem.message}${
      problem.fix ? ` Fix: ${problem.fix}` : ''
    }`;
    if (problem.severity === 'warning') logger.warn(line);
    else logger.info(line);
  }
}
