import { formatAge, formatInstant } from './relativeTime';

const NOW = new Date('2026-01-01T18:00:00.000Z');

describe('formatAge', () => {
  it('says how long ago, in the largest whole unit', () => {
    expect(formatAge('2026-01-01T17:59:58.000Z', NOW)).toBe('just now');
    expect(formatAge('2026-01-01T17:59:30.000Z', NOW)).toBe('30 seconds ago');
    expect(formatAge('2026-01-01T17:57:00.000Z', NOW)).toBe('3 minutes ago');
    expect(formatAge('2026-01-01T16:00:00.000Z', NOW)).toBe('2 hours ago');
    expect(formatAge('2025-12-31T17:00:00.000Z', NOW)).toBe('yesterday');
  });
});

describe('formatInstant', () => {
  it('holds the date, the time and the time zone', () => {
    const text = formatInstant('2026-01-01T17:57:00.000Z');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    expect(text).toMatch(/UTC|GMT|[+-]\d/);
  });
});
