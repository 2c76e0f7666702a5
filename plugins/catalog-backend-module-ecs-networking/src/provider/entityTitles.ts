/**
 * Titles that tell same-named things apart. An ECS service, namespace or
 * endpoint keeps its AWS name as its title when the name is unique; where
 * the same name is used more than once (a service deployed in two regions,
 * say), each title gains the first qualifiers that tell that group apart,
 * `user-service (us-east-1)` or `user-service (222222222222, eu-west-1)`, so
 * catalog lists, pickers and search results show which one is which.
 * Entity names are not touched: they stay as stable as before.
 */
export function distinctTitles<T>(
  items: T[],
  name: (item: T) => string,
  qualifiers: (item: T) => string[],
): Map<T, string> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    groups.set(name(item), [...(groups.get(name(item)) ?? []), item]);
  }
  const titles = new Map<T, string>();
  for (const [title, group] of groups) {
    if (group.length === 1) {
      titles.set(group[0], title);
      continue;
    }
    const values = group.map(qualifiers);
    // Qualifiers in the order given, each only if it tells some apart, until
    // every title in the group is unique.
    const used: number[] = [];
    for (let i = 0; i < values[0].length; i++) {
      if (new Set(values.map(v => v[i])).size === 1) continue;
      used.push(i);
      if (new Set(values.map(v => used.map(u => v[u]).join('\n'))).size === group.length) break;
    }
    group.forEach((item, index) => {
      const parts = used.map(i => values[index][i]);
      titles.set(item, parts.length ? `${title} (${parts.join(', ')})` : title);
    });
  }
  return titles;
}
