import { decideRemoval, DEFAULT_REMOVAL_GUARD, RemovalGuardSettings } from './removalGuard';

const T0 = new Date('2026-12-08T10:00:00.000Z');
const minutesLater = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function decide(
  previousServices: number | undefined,
  readServices: number,
  options: { settings?: Partial<RemovalGuardSettings>; now?: Date; pendingSince?: Date } = {},
) {
  return decideRemoval({
    previousServices,
    readServices,
    now: options.now ?? T0,
    settings: { ...DEFAULT_REMOVAL_GUARD, ...options.settings },
    pending: options.pendingSince
      ? {
          reason: 'held before',
          since: options.pendingSince.toISOString(),
          previousServices: previousServices ?? 0,
          readServices,
        }
      : undefined,
  });
}

describe('decideRemoval', () => {
  it('applies the first read of a scope, whatever it holds', () => {
    expect(decide(undefined, 0)).toEqual({ action: 'apply' });
  });

  it('applies growth and ordinary churn', () => {
    expect(decide(9, 12).action).toBe('apply');
    expect(decide(9, 8).action).toBe('apply');
    // Exactly half is kept: not "more than half" gone.
    expect(decide(10, 5).action).toBe('apply');
  });

  it('holds a read that loses more than half of the services', () => {
    const decision = decide(10, 4);
    expect(decision).toEqual({
      action: 'hold',
      pending: {
        reason: expect.stringContaining('found 4 of the 10 services'),
        since: T0.toISOString(),
        previousServices: 10,
        readServices: 4,
      },
    });
  });

  it('holds a drop to zero from more than a handful, not from a handful', () => {
    expect(decide(6, 0).action).toBe('hold');
    expect(decide(5, 0).action).toBe('apply');
    expect(decide(1, 0).action).toBe('apply');
  });

  it('follows minShare and minServices', () => {
    expect(decide(10, 7, { settings: { minShare: 0.8 } }).action).toBe('hold');
    expect(decide(10, 8, { settings: { minShare: 0.8 } }).action).toBe('apply');
    expect(decide(3, 0, { settings: { minServices: 0 } }).action).toBe('hold');
    expect(decide(20, 0, { settings: { minServices: 20 } }).action).toBe('apply');
  });

  it('applies a drop that the next read confirms, keeping when it was first seen', () => {
    const decision = decide(10, 0, { pendingSince: T0, now: minutesLater(5) });
    expect(decision).toEqual({
      action: 'confirm',
      pending: expect.objectContaining({ since: T0.toISOString(), readServices: 0 }),
    });
  });

  it('applies a read that recovers while a drop is pending', () => {
    expect(decide(10, 9, { pendingSince: T0, now: minutesLater(5) })).toEqual({ action: 'apply' });
  });

  it('keeps holding until confirmAfter has passed since the drop was first seen', () => {
    const settings = { confirmAfterMs: 60 * 60_000 };
    const first = decide(10, 0, { settings });
    expect(first).toEqual({
      action: 'hold',
      pending: expect.objectContaining({
        since: T0.toISOString(),
        confirmableFrom: minutesLater(60).toISOString(),
      }),
    });
    const early = decide(10, 0, { settings, pendingSince: T0, now: minutesLater(59) });
    expect(early).toEqual({
      action: 'hold',
      pending: expect.objectContaining({ since: T0.toISOString() }),
    });
    expect(decide(10, 0, { settings, pendingSince: T0, now: minutesLater(60) }).action).toBe(
      'confirm',
    );
  });

  it('never confirms on the read that first shows the drop, even with no wait', () => {
    expect(decide(10, 0, { settings: { confirmAfterMs: 0 } }).action).toBe('hold');
  });

  it('applies everything when turned off, a pending drop included', () => {
    const settings = { enabled: false };
    expect(decide(10, 0, { settings })).toEqual({ action: 'apply' });
    expect(decide(10, 0, { settings, pendingSince: T0 })).toEqual({ action: 'apply' });
  });
});
