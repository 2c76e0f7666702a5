import type { BlastRadius } from '@ecs-net/plugin-ecs-networking-common';
import { renderTable } from './table';

/** Callers by hop, each with how it calls toward the target, then the owners to page. */
export function formatBlastRadius(radius: BlastRadius): string {
  const targets = radius.targets.map(t => `${t.name} (${t.accountId}/${t.region})`).join(', ');
  if (radius.callers.length === 0) {
    return `Nothing calls ${targets} within ${radius.hops} hop(s).`;
  }
  return [
    `Callers of ${targets}, up to ${radius.hops} hop(s):`,
    '',
    renderTable(
      ['HOP', 'CALLER', 'OWNER', 'ACCOUNT/REGION', 'CALLS'],
      radius.callers.map(c => [
        String(c.hop),
        c.service.name,
        c.service.owner,
        `${c.service.accountId}/${c.service.region}`,
        c.calls.map(call => `${call.endpoint} → ${call.toName} (${call.mechanism})`).join(', '),
      ]),
    ),
    '',
    `Owners: ${radius.owners.join(', ')}`,
  ].join('\n');
}
