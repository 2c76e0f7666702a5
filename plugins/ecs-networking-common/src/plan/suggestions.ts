import type { NetworkModel } from '../model';

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length];
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * ` Did you mean: a, b?` listing endpoints of the scope whose first label
 * looks like the one of `host` (same host, a shared prefix, or a typo away);
 * empty when none does.
 */
export function endpointSuggestions(
  model: NetworkModel,
  scope: { accountId: string; region: string },
  host: string,
): string {
  const label = host.split('.')[0];
  const names = model.endpoints
    .filter(e => e.accountId === scope.accountId && e.region === scope.region)
    .filter(e => {
      const other = e.host.split('.')[0];
      return (
        e.host === host ||
        commonPrefix(label, other) >= Math.min(4, label.length) ||
        editDistance(label, other) <= 2
      );
    })
    .map(e => e.name);
  const unique = [...new Set(names)].sort().slice(0, 8);
  return unique.length ? ` Did you mean: ${unique.join(', ')}?` : '';
}
