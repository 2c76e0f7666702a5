import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { formatAge, formatInstant } from '../../lib/relativeTime';
import { lastUpdatedAt } from '../../lib/scopeStatus';

/** How often the age is recomputed: by the second while it is shown in seconds, then to the minute. */
const SECONDS_TICK_MS = 1_000;
const MINUTES_TICK_MS = 30_000;

/**
 * `Updated 12 seconds ago`, from the newest data (the last full read of
 * AWS, or a later live update from an AWS change event); the date, time and
 * time zone on hover. The age keeps counting while the page stays open.
 */
export function LastSynced(props: { scopes: ScopeStatus[] }) {
  const at = lastUpdatedAt(props.scopes);
  const [now, setNow] = useState(() => new Date());
  const young = at !== undefined && now.getTime() - Date.parse(at) < 60_000;
  useEffect(() => {
    const timer = setInterval(
      () => setNow(new Date()),
      young ? SECONDS_TICK_MS : MINUTES_TICK_MS,
    );
    return () => clearInterval(timer);
  }, [young]);
  if (!at) {
    return (
      <Typography variant="caption" color="textSecondary">
        Not synced yet: the first read of AWS has not finished
      </Typography>
    );
  }
  return (
    <Typography variant="caption" color="textSecondary">
      Updated{' '}
      <time dateTime={at} title={formatInstant(at)}>
        {formatAge(at, now)}
      </time>
    </Typography>
  );
}
