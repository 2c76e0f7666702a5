import type { NetworkFactKind } from '@ecs-net/plugin-ecs-networking-common';
import TextField from '@material-ui/core/TextField';
import { useMemo, useState } from 'react';
import { useChangePages } from '../../hooks/useChangePages';
import { ChangesCard } from './ChangesCard';
import { OptionSelect, sinceHoursAgo, WINDOW_OPTIONS } from './ChangesWindow';

const KIND_OPTIONS: Array<{ value: NetworkFactKind | 'all'; label: string }> = [
  { value: 'all', label: 'All kinds' },
  { value: 'service', label: 'Services' },
  { value: 'endpoint', label: 'Endpoints' },
  { value: 'edge', label: 'Calls' },
  { value: 'finding', label: 'Findings' },
];

/**
 * The network page's "Changes": what changed across the estate in a
 * window, a page at a time, the loaded ones filterable by kind and by
 * text (a name, an owner, an account).
 */
export function EstateChanges() {
  const [hours, setHours] = useState(24);
  const [kind, setKind] = useState<NetworkFactKind | 'all'>('all');
  const [text, setText] = useState('');
  const pages = useChangePages(() => ({ since: sinceHoursAgo(hours) }), [hours]);
  const shown = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    return pages.changes.filter(
      c =>
        (kind === 'all' || c.kind === kind) &&
        (!needle ||
          [c.label, c.accountId, c.region, ...c.entityRefs, ...c.attributes.flatMap(a => [a.before, a.after])]
            .join(' ')
            .toLocaleLowerCase()
            .includes(needle)),
    );
  }, [pages.changes, kind, text]);
  return (
    <ChangesCard
      subheader="What changed in the network, newest first"
      controls={
        <>
          <OptionSelect label="Window" value={hours} options={WINDOW_OPTIONS} onChange={setHours} />
          <OptionSelect label="Kind" value={kind} options={KIND_OPTIONS} onChange={setKind} />
          <TextField
            id="ecs-networking-changes-filter"
            size="small"
            variant="outlined"
            label="Filter changes"
            value={text}
            onChange={event => setText(event.target.value)}
          />
        </>
      }
      pages={pages}
      shown={shown}
      empty="No change in this window matches."
    />
  );
}
