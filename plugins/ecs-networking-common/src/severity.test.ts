import type { Severity } from './model';
import {
  compareSeverities,
  isAtLeast,
  isSeverity,
  SEVERITIES,
  worstSeverity,
} from './severity';

describe('severity', () => {
  it('sorts worst first', () => {
    const severities: Severity[] = ['info', 'error', 'warning', 'info'];
    expect(severities.sort(compareSeverities)).toEqual([
      'error',
      'warning',
      'info',
      'info',
    ]);
    expect(SEVERITIES).toEqual(['error', 'warning', 'info']);
  });

  it('compares against a threshold, the threshold included', () => {
    expect(isAtLeast('error', 'warning')).toBe(true);
    expect(isAtLeast('warning', 'warning')).toBe(true);
    expect(isAtLeast('info', 'warning')).toBe(false);
    expect(isAtLeast('info', 'info')).toBe(true);
    expect(isAtLeast('warning', 'error')).toBe(false);
  });

  it('picks the worst, and nothing from nothing', () => {
    expect(worstSeverity(['info', 'warning', 'info'])).toBe('warning');
    expect(worstSeverity(['warning', 'error'])).toBe('error');
    expect(worstSeverity([])).toBeUndefined();
  });

  it('knows the severities and nothing else, inherited names included', () => {
    expect(SEVERITIES.every(isSeverity)).toBe(true);
    expect(isSeverity('fatal')).toBe(false);
    expect(isSeverity('constructor')).toBe(false);
    expect(isSeverity('toString')).toBe(false);
    expect(isSeverity(undefined)).toBe(false);
  });
});
