import {
  matchesNameRule,
  TAG_KEY,
  TAG_VALUE,
} from '@ecs-net/plugin-ecs-networking-common';

/** A tag as the Terraform change writes it back. */
export interface ServiceTag {
  key: string;
  value: string;
}

/**
 * The service's own tags that a change to it must keep, sorted by key, and
 * the keys of those it cannot. A tag AWS would not let anyone set again is
 * left out: `aws:` tags belong to AWS, and a key or value outside AWS's tag
 * characters (an endpoint that does not validate, or a hand-edited snapshot)
 * could not be applied and could break out of the quoted Terraform string it
 * lands in.
 */
export function keptServiceTags(tags: Record<string, string>): {
  kept: ServiceTag[];
  skipped: string[];
} {
  const kept: ServiceTag[] = [];
  const skipped: string[] = [];
  for (const [key, value] of Object.entries(tags).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (matchesNameRule(TAG_KEY, key) && matchesNameRule(TAG_VALUE, value)) {
      kept.push({ key, value });
    } else {
      // Shown in a log line and in MIGRATION.md: printable, code-span safe.
      skipped.push(
        key.slice(0, TAG_KEY.maxLength).replace(/[^\x20-\x5f\x61-\x7e]/g, '?'),
      );
    }
  }
  return { kept, skipped };
}
