import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { ChangesResponse, RecordedChange } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import { useMemo, type ReactNode } from 'react';
import { useServiceEntities } from '../../hooks/useServiceEntities';
import { ChangesTimeline } from './ChangesTimeline';

/**
 * A "Changes" card: its controls, the loading and error states, the
 * timeline of the changes shown, and a note when the window held more.
 */
export function ChangesCard(props: {
  subheader: string;
  controls: ReactNode;
  state: { value?: ChangesResponse; loading: boolean; error?: Error };
  /** The changes to show: the loaded ones, or those of them a filter keeps. */
  shown: RecordedChange[];
  empty: string;
}) {
  const { value, loading, error } = props.state;
  const arns = useMemo(() => props.shown.flatMap(c => c.serviceArns), [props.shown]);
  const entities = useServiceEntities(arns);
  return (
    <InfoCard title="Changes" subheader={props.subheader}>
      <div>{props.controls}</div>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          <ChangesTimeline changes={props.shown} entities={entities} empty={props.empty} />
          {value.truncated && (
            <Typography variant="body2" color="textSecondary">
              Only the newest {value.changes.length} changes of the window were loaded; narrow it to see older ones.
            </Typography>
          )}
        </>
      )}
    </InfoCard>
  );
}
