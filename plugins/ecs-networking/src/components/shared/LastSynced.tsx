import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { formatAge, formatInstant } from '../../lib/relativeTime';
import { lastSyncedAt } from '../../lib/scopeStatus';

/** How often the age is recomputed: it is shown to the minute. */
const TICK_MS = 30_000;

/**
 * `Last synced 3 minutes ago`, from the most recent successful read; the
 * date, time and time zone on hover. The age keeps counting while the page
 * stays open.
 */
export function LastSynced(props: { scopes: ScopeStatus[] }) {
  const at = lastSyncedAt(props.scopes);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  if (!at) {
    return (
      <Typography variant="caption" color="textSecondary">
        Not synced yet: the first read of AWS has not finished
      </Typography>
    );
  }
  return (
    <Typography variant="caption" color="textSecondary">
      Last synced{' '}
      <time dateTime={at} title={formatInstant(at)}>
        {formatAge(at, now)}
      </time>
    </Typography>
  );
}
