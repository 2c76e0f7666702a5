import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { RecordedChange } from '@ecs-net/plugin-ecs-networking-common';
import Button from '@material-ui/core/Button';
import { useMemo, type ReactNode } from 'react';
import type { ChangePages } from '../../hooks/useChangePages';
import { useServiceEntities } from '../../hooks/useServiceEntities';
import { ChangesTimeline } from './ChangesTimeline';

/**
 * A "Changes" card: its controls, the loading and error states, the
 * timeline of the changes shown, and a button that loads older ones while
 * the window holds more.
 */
export function ChangesCard(props: {
  subheader: string;
  controls: ReactNode;
  pages: ChangePages;
  /** The changes to show: the loaded ones, or those of them a filter keeps. */
  shown: RecordedChange[];
  empty: string;
}) {
  const { pages } = props;
  const arns = useMemo(() => props.shown.flatMap(c => c.serviceArns), [props.shown]);
  const entities = useServiceEntities(arns);
  const loaded = !pages.loading && !pages.error;
  return (
    <InfoCard title="Changes" subheader={props.subheader}>
      <div>{props.controls}</div>
      {pages.loading && <Progress />}
      {pages.error && <ResponseErrorPanel error={pages.error} />}
      {loaded && (
        <>
          <ChangesTimeline changes={props.shown} entities={entities} empty={props.empty} />
          {pages.olderError && <ResponseErrorPanel error={pages.olderError} />}
          {pages.loadOlder && (
            <Button variant="outlined" size="small" onClick={pages.loadOlder} disabled={pages.loadingOlder}>
              {pages.loadingOlder ? 'Loading older changes…' : 'Show older changes'}
            </Button>
          )}
        </>
      )}
    </InfoCard>
  );
}
