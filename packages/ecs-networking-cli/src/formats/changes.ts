import { describeAttributeChange, type NetworkChange } from '@ecs-net/plugin-ecs-networking-common';
import { renderTable } from './table';

/** One row per change; for a changed thing, what changed, for an added or removed one, nothing more. */
export function formatChanges(changes: NetworkChange[]): string {
  return renderTable(
    ['CHANGE', 'KIND', 'WHAT', 'ACCOUNT/REGION', 'DETAILS'],
    changes.map(c => [
      c.action,
      c.kind,
      c.label,
      c.accountId ? `${c.accountId}/${c.region}` : '-',
      c.action === 'changed' ? c.attributes.map(describeAttributeChange).join('; ') : '',
    ]),
  );
}
