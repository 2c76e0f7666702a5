import { entityRefFromTag } from '../entityRefs';
import type { Finding } from '../model';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const componentTagNotInCatalog: LintRule = {
  id: 'component-tag-not-in-catalog',
  severity: 'warning',
  title: 'Component tag naming a Component the catalog does not hold',
  description:
    'The component tag links a service to its catalog Component. A name the catalog does not hold links it to nothing: the Component page lacks the service and its endpoints. Only reported where the catalog was read (the backend plugin, not the CLI).',
  check({ scopes, tagKeys, catalogMissingComponents }) {
    if (!catalogMissingComponents?.length) return [];
    const missing = new Set(catalogMissingComponents);
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      const ref = entityRefFromTag(service.item.tags[tagKeys.component], 'component');
      if (!ref || !missing.has(ref)) continue;
      findings.push(
        finding(
          componentTagNotInCatalog,
          serviceSubject(service),
          `The "${tagKeys.component}" tag names ${ref}, which is not in the catalog, so the service is linked to no Component.`,
          `Register ${ref} in the catalog (a catalog-info.yaml with kind: Component), or set ${tagKeys.component} to an existing Component's name, or remove the tag.`,
        ),
      );
    }
    return findings;
  },
};
