import { blocks, formatProblems, orderProblems } from './report';
import type { Problem } from './types';

const problem = (severity: Problem['severity'], ruleId: string): Problem => ({
  severity,
  ruleId,
  message: `${ruleId} message`,
  fix: `${ruleId} fix`,
});

describe('report', () => {
  it('orders errors, warnings, notes, and lists a problem found twice once', () => {
    const ordered = orderProblems([
      problem('info', 'c'),
      problem('warning', 'b'),
      problem('error', 'a'),
      problem('warning', 'b'),
      problem('error', 'd'),
    ]);
    expect(ordered.map(p => p.ruleId)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('numbers the errors with their fixes, then lists the warnings', () => {
    const text = formatProblems('The plan', [
      problem('error', 'a'),
      { ...problem('warning', 'b'), source: 'main.tf: aws_ecs_service.this' },
    ]);
    expect(text.split('\n')).toEqual([
      'The plan has 1 problem to fix:',
      '  1. a message [a]',
      '     Fix: a fix',
      'Warning:',
      '  - b message (main.tf: aws_ecs_service.this) [b]',
      '     Fix: b fix',
    ]);
  });

  it('blocks on errors, and on warnings only when asked', () => {
    const warnings = [problem('warning', 'b')];
    expect(blocks(warnings)).toBe(false);
    expect(blocks(warnings, true)).toBe(true);
    expect(blocks([problem('error', 'a')])).toBe(true);
  });
});
