import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const referenceUnresolved: LintRule = {
  id: 'reference-unresolved',
  severity: 'warning',
  title: 'Reference to an unknown endpoint',
  description:
    'A container or dependency tag names an internal-looking address that no known endpoint answers: a typo, a wrong port, or a service that does not exist (yet).',
  check({ scopes, unresolved }) {
    return unresolved.flatMap(reference => {
      const service = scopes.serviceByArn.get(reference.serviceArn);
      if (!service) return [];
      const where =
        reference.source.kind === 'tag'
          ? `tag ${reference.source.key}`
          : `container ${reference.container}${
              reference.source.kind === 'environment'
                ? ` variable ${reference.source.variable}`
                : ` ${reference.source.kind}`
            }`;
      return [
        finding(
          referenceUnresolved,
          serviceSubject(service),
          `${where} names ${reference.reference}, which no known endpoint answers, so the call will fail to resolve or connect.`,
          `Correct the name or port to an existing endpoint, or create the service it refers to.`,
        ),
      ];
    });
  },
};
