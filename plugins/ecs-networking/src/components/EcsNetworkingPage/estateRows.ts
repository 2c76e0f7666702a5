import type { NamespaceGroup } from '../../lib/estateIndex';

/** Groups larger than this start collapsed, so 2,000 services open as a short list of namespaces. */
const COLLAPSE_ABOVE = 25;

export type EstateRow =
  | { kind: 'group'; group: NamespaceGroup; count: number; expanded: boolean }
  | { kind: 'service'; arn: string; groupKey: string };

/**
 * The flat list the virtualized view scrolls through: a header per namespace
 * with matching services, then its services when expanded. `toggled` holds
 * the groups the user opened or closed against their default.
 */
export function estateRows(
  groups: NamespaceGroup[],
  matching: Set<string>,
  toggled: Set<string>,
): EstateRow[] {
  const rows: EstateRow[] = [];
  for (const group of groups) {
    const arns = group.serviceArns.filter(arn => matching.has(arn));
    if (arns.length === 0) continue;
    const expanded = arns.length <= COLLAPSE_ABOVE !== toggled.has(group.key);
    rows.push({ kind: 'group', group, count: arns.length, expanded });
    if (expanded) {
      for (const arn of arns) {
        rows.push({ kind: 'service', arn, groupKey: group.key });
      }
    }
  }
  return rows;
}
