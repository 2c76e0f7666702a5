import type { AuthService } from '@backstage/backend-plugin-api';
import { ANNOTATION_LOCATION, Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATIONS, entityRefFromTag, parseArn } from '@ecs-net/plugin-ecs-networking-common';

/** `account/region` of an ECS service ARN (`arn:aws:ecs:REGION:ACCOUNT:service/…`). */
function scopeOf(arn: string): string {
  const parts = parseArn(arn);
  return `${parts?.accountId}/${parts?.region}`;
}

/**
 * A Component deployed in several regions links to one service per region;
 * a caller depends on the one beside it, when there is one.
 */
function nearest(caller: string, targets: string[]): string[] {
  const beside = targets.filter(t => scopeOf(t) === scopeOf(caller));
  return beside.length ? beside : targets;
}

function normalize(ref: string, namespace: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'component', defaultNamespace: namespace }));
  } catch {
    return undefined;
  }
}

/**
 * What the catalog says about the services its Components are linked to by
 * their component tags.
 *
 * @public
 */
export interface CatalogLinks {
  /** Declared dependencies: service ARN → ARNs it depends on. */
  dependsOn: Record<string, string[]>;
  /**
   * Component refs that component tags name and the catalog does not hold,
   * sorted: each becomes a finding rather than a link to nothing.
   */
  missingComponents: string[];
}

/** Reads the catalog's side of the services' component tags. @public */
export type CatalogDependsOnReader = (
  services: Array<{ arn: string; component?: string }>,
) => Promise<CatalogLinks>;

/**
 * What the catalog says services depend on, and which tagged Components it
 * lacks. Dependencies are the `dependsOn` of the
 * Components their tags link them to, resolved to ECS service ARNs (a
 * Resource this plugin published, or another linked Component). Entities
 * this plugin wrote itself are skipped: their relations come from the model,
 * and feeding them back would keep edges alive after their evidence is gone.
 */
export async function readCatalogDependsOn(
  catalog: CatalogService,
  auth: AuthService,
  services: Array<{ arn: string; component?: string }>,
): Promise<CatalogLinks> {
  const linked = new Map<string, string[]>();
  for (const service of services) {
    const ref = entityRefFromTag(service.component, 'component');
    if (ref) linked.set(ref, [...(linked.get(ref) ?? []), service.arn]);
  }
  if (linked.size === 0) return { dependsOn: {}, missingComponents: [] };
  const credentials = await auth.getOwnServiceCredentials();
  const ours = (e: Entity) => e.metadata.annotations?.[ANNOTATION_LOCATION]?.startsWith('ecs-networking:');

  const refs = [...linked.keys()];
  const found = (await catalog.getEntitiesByRefs({ entityRefs: refs }, { credentials })).items;
  // getEntitiesByRefs answers in the order asked, null where there is none.
  const missingComponents = refs.filter((_, i) => !found[i]).sort();
  const components = found.flatMap(e => (e && !ours(e) ? [e] : []));
  const declared = new Map<string, string[]>();
  for (const component of components) {
    const namespace = component.metadata.namespace ?? 'default';
    const targets = ((component.spec?.dependsOn as string[] | undefined) ?? []).flatMap(
      ref => normalize(ref, namespace) ?? [],
    );
    if (targets.length) declared.set(stringifyEntityRef(component), targets);
  }
  const targetRefs = [...new Set([...declared.values()].flat())];
  if (targetRefs.length === 0) return { dependsOn: {}, missingComponents };
  const targets = await catalog.getEntitiesByRefs({ entityRefs: targetRefs }, { credentials });
  const arnsOf = new Map<string, string[]>();
  targetRefs.forEach((ref, i) => {
    const entity = targets.items[i];
    const arn = entity?.metadata.annotations?.[ANNOTATIONS.serviceArn];
    arnsOf.set(ref, arn ? [arn] : linked.get(ref) ?? []);
  });

  const dependsOn: Record<string, string[]> = {};
  for (const [component, targetsOfComponent] of declared) {
    for (const service of linked.get(component) ?? []) {
      const arns = targetsOfComponent.flatMap(ref =>
        nearest(service, (arnsOf.get(ref) ?? []).filter(arn => arn !== service)),
      );
      if (arns.length) dependsOn[service] = [...new Set(arns)];
    }
  }
  return { dependsOn, missingComponents };
}
