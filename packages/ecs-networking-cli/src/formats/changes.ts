import type { AttributeChange, NetworkChange } from '@ecs-net/plugin-ecs-networking-common';
import { renderTable } from './table';

function describe(attribute: AttributeChange): string {
  if (attribute.before === undefined) return `${attribute.name}=${attribute.after}`;
  if (attribute.after === undefined) return `${attribute.name} was ${attribute.before}`;
  return `${attribute.name} ${attribute.before} → ${attribute.after}`;
}

/** One row per change; for a changed thing, what changed, for an added or removed one, nothing more. */
export function formatChanges(changes: NetworkChange[]): string {
  return renderTable(
    ['CHANGE', 'KIND', 'WHAT', 'ACCOUNT/REGION', 'DETAILS'],
    changes.map(c => [
      c.action,
      c.kind,
      c.label,
      c.accountId ? `${c.accountId}/${c.region}` : '-',
      c.action === 'changed' ? c.attributes.map(describe).join('; ') : '',
    ]),
  );
}
