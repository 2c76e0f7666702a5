const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** Younger than this is `just now`: a page's clock and the backend's differ by about as much. */
const JUST_NOW_MS = 5_000;

/**
 * `just now`, `12 seconds ago`, `3 minutes ago`, `yesterday`, in the
 * reader's locale. Seconds count: live updates make data seconds old.
 */
export function formatAge(iso: string, now: Date = new Date()): string {
  const elapsed = now.getTime() - Date.parse(iso);
  if (elapsed < JUST_NOW_MS) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const [unit, size] = UNITS.find(([, ms]) => elapsed >= ms)!;
  return format.format(-Math.floor(elapsed / size), unit);
}

/** Date, time and time zone in full, for a hover: `5 Dec 2026, 07:13:02 UTC`. */
export function formatInstant(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'long',
  });
}
