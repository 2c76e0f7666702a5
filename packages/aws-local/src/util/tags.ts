/** ECS spells tag members in camelCase. */
export interface EcsTag {
  key: string;
  value: string;
}

/** Cloud Map spells tag members in PascalCase. */
export interface CloudMapTag {
  Key: string;
  Value: string;
}

/** Replaces values of existing keys and appends new keys, as TagResource does. */
export function mergeTags<T>(
  existing: T[],
  added: T[],
  keyOf: (tag: T) => string,
): T[] {
  const byKey = new Map(existing.map(tag => [keyOf(tag), tag]));
  for (const tag of added) {
    byKey.set(keyOf(tag), tag);
  }
  return [...byKey.values()];
}

export function removeTags<T>(
  existing: T[],
  keys: string[],
  keyOf: (tag: T) => string,
): T[] {
  const drop = new Set(keys);
  return existing.filter(tag => !drop.has(keyOf(tag)));
}
