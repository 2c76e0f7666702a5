import { useState } from 'react';
import { useChangePages } from '../../hooks/useChangePages';
import { ChangesCard } from './ChangesCard';
import { OptionSelect, sinceHoursAgo, WINDOW_OPTIONS } from './ChangesWindow';

const HOP_OPTIONS = [
  { value: 0, label: 'This service only' },
  { value: 1, label: 'And its neighbours' },
  { value: 2, label: 'Up to 2 hops away' },
];

/**
 * The Network tab's "Changes": what changed in this entity's services and,
 * by default, in the services they call or are called by.
 */
export function EntityChanges(props: { entityRef: string }) {
  const [hops, setHops] = useState(1);
  const [hours, setHours] = useState(7 * 24);
  const pages = useChangePages(
    () => ({ entityRef: props.entityRef, hops, since: sinceHoursAgo(hours) }),
    [props.entityRef, hops, hours],
  );

  return (
    <ChangesCard
      subheader="What changed in the network here, newest first"
      controls={
        <>
          <OptionSelect label="Services" value={hops} options={HOP_OPTIONS} onChange={setHops} />
          <OptionSelect label="Window" value={hours} options={WINDOW_OPTIONS} onChange={setHours} />
        </>
      }
      pages={pages}
      shown={pages.changes}
      empty="No change recorded in this window."
    />
  );
}
