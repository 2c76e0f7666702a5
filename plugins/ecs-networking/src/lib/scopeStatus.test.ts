import { scopeStatus } from '../__testUtils__/estate';
import { formatTime, lastUpdatedAt, scopeProblem } from './scopeStatus';

const NOW = new Date('2026-01-01T18:00:00.000Z');

describe('scopeProblem', () => {
  it('is silent for a scope read on time', () => {
    expect(scopeProblem(scopeStatus(), NOW)).toBeUndefined();
  });

  it('says which scope failed, how often, why, and how old the data is', () => {
    const problem = scopeProblem(
      scopeStatus({
        accountId: '222222222222',
        consecutiveFailures: 3,
        stale: true,
        lastError:
          'AccessDenied: User is not authorized to perform ecs:ListClusters',
        lastErrorAt: '2026-01-01T17:55:00.000Z',
      }),
      NOW,
    );
    expect(problem).toBe(
      `account 222222222222 / eu-west-1 failed 3 times: AccessDenied: User is not authorized to perform ecs:ListClusters, showing data from ${formatTime(
        '2026-01-01T14:02:00.000Z',
        NOW,
      )}`,
    );
  });

  it('says when a failing scope has no data at all', () => {
    expect(
      scopeProblem(
        scopeStatus({
          lastSuccessAt: undefined,
          consecutiveFailures: 1,
          stale: true,
          lastError: 'ExpiredToken',
        }),
        NOW,
      ),
    ).toBe(
      'account 111111111111 / eu-west-1 failed once: ExpiredToken; no data from it yet',
    );
  });

  it('shortens long errors to one line', () => {
    const problem = scopeProblem(
      scopeStatus({
        consecutiveFailures: 1,
        lastError: `x\n${'y'.repeat(500)}`,
      }),
      NOW,
    )!;
    expect(problem).not.toContain('\n');
    expect(problem).toContain('…');
    expect(problem.length).toBeLessThan(300);
  });
});

describe('formatTime', () => {
  it('gives the time alone today and the date on other days', () => {
    expect(formatTime('2026-01-01T14:02:00.000Z', NOW)).toMatch(/^\d\d:\d\d$/);
    expect(formatTime('2025-12-30T14:02:00.000Z', NOW)).toMatch(/30/);
  });
});

describe('lastUpdatedAt', () => {
  it('is the newest data, from a full read or a live update', () => {
    expect(
      lastUpdatedAt([
        scopeStatus({ lastSuccessAt: '2026-01-01T14:02:00.000Z', updatedAt: '2026-01-01T16:00:05.000Z' }),
        scopeStatus({ lastSuccessAt: '2026-01-01T15:30:00.000Z' }),
      ]),
    ).toBe('2026-01-01T16:00:05.000Z');
  });

  it('is the latest successful read without live updates', () => {
    expect(
      lastUpdatedAt([
        scopeStatus({ lastSuccessAt: '2026-01-01T14:02:00.000Z' }),
        scopeStatus({ lastSuccessAt: '2026-01-01T15:30:00.000Z' }),
        scopeStatus({ lastSuccessAt: undefined }),
      ]),
    ).toBe('2026-01-01T15:30:00.000Z');
  });
});
