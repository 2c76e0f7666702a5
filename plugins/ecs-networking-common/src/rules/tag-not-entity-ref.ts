import { entityRefFromTag } from '../entityRefs';
import type { Finding } from '../model';
import type { TagKeys } from '../tagKeys';
import { finding, LintRule, serviceSubject } from './types';

/** Tags whose value names a catalog entity, with the kind a bare name means. */
const ENTITY_TAGS: Array<{ tag: keyof TagKeys; kind: string }> = [
  { tag: 'owner', kind: 'group' },
  { tag: 'system', kind: 'system' },
  { tag: 'component', kind: 'component' },
];

/** @public */
export const tagNotEntityRef: LintRule = {
  id: 'tag-not-entity-ref',
  severity: 'warning',
  title: 'ECS service tag that cannot name a catalog entity',
  description:
    'The owner, system and component tags name catalog entities. A value that is no valid entity reference (spaces, accents, more than 63 characters) is ignored: the service gets the default owner, no system, or no linked component.',
  check({ scopes, tagKeys }) {
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      for (const { tag, kind } of ENTITY_TAGS) {
        const value = service.item.tags[tagKeys[tag]]?.trim();
        if (!value || entityRefFromTag(value, kind)) continue;
        findings.push(
          finding(
            tagNotEntityRef,
            serviceSubject(service),
            `The "${tagKeys[tag]}" tag "${value}" cannot name a catalog entity, so it is ignored.`,
            `Set ${tagKeys[tag]} to the ${kind}'s entity name (letters, digits, "-", "_" and ".", at most 63 characters) or its full ref, ${kind}:default/<name>.`,
          ),
        );
      }
    }
    return findings;
  },
};
