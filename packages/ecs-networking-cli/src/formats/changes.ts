import { describeAttributeChange, type NetworkChange } from '@ecs-net/plugin-ecs-networking-common';
import { renderTable } from './table';

/**
 * One row per change; for a changed thing, what changed, for an added or
 * removed one, nothing more. Changes the backend recorded lead with when.
 */
export function formatChanges(changes: Array<NetworkChange & { at?: string }>): string {
  const timed = changes.some(c => c.at);
  return renderTable(
    [...(timed ? ['AT'] : []), 'CHANGE', 'KIND', 'WHAT', 'ACCOUNT/REGION', 'DETAILS'],
    changes.map(c => [
      ...(timed ? [c.at ?? ''] : []),
      c.action,
      c.kind,
      c.label,
      c.accountId ? `${c.accountId}/${c.region}` : '-',
      c.action === 'changed' ? c.attributes.map(describeAttributeChange).join('; ') : '',
    ]),
  );
}
