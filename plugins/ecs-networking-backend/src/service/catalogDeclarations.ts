import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, parseEntityRef, RELATION_API_PROVIDED_BY, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATIONS, ComponentDeclarations, DeclaredDependency } from '@ecs-net/plugin-ecs-networking-common';

const PAGE = 1000;

/** A spec list of entity refs as full refs, skipping what is not a valid ref. */
export function specRefs(value: unknown, defaultKind: string, defaultNamespace: string): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap(ref => {
    if (typeof ref !== 'string') return [];
    try {
      return [stringifyEntityRef(parseEntityRef(ref, { defaultKind, defaultNamespace }))];
    } catch {
      return [];
    }
  });
}

/**
 * What the hand-written Components that component tags link services to
 * declare: each one's `spec.dependsOn` and `spec.consumesApis`, resolved to
 * the services they stand for. An entity this plugin published names its
 * service or endpoint by annotation; a Component stands for the services its
 * tag links to it, and a hand-written API for those of the Components that
 * provide it.
 */
export async function readDeclarations(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  components: Entity[],
  linked: Map<string, string[]>,
): Promise<ComponentDeclarations[]> {
  const entries = components.map(component => {
    const namespace = component.metadata.namespace ?? 'default';
    return {
      component: stringifyEntityRef(component),
      entries: [
        ...specRefs(component.spec?.dependsOn, 'component', namespace).map(ref => ({ ref, relation: 'dependsOn' as const })),
        ...specRefs(component.spec?.consumesApis, 'api', namespace).map(ref => ({ ref, relation: 'consumesApis' as const })),
      ],
    };
  });
  const refs = [...new Set(entries.flatMap(c => c.entries.map(e => e.ref)))];
  const targets = refs.length ? (await catalog.getEntitiesByRefs({ entityRefs: refs }, { credentials })).items : [];
  const entityOf = new Map(refs.map((ref, i) => [ref, targets[i]]));
  const resolve = (entry: Pick<DeclaredDependency, 'ref' | 'relation'>): DeclaredDependency => {
    const entity = entityOf.get(entry.ref);
    const annotations = entity?.metadata.annotations ?? {};
    const arn = annotations[ANNOTATIONS.serviceArn];
    const endpointId = annotations[ANNOTATIONS.endpointId];
    // A hand-written API stands for the services of the Components that provide it.
    const providers = (entity?.relations ?? []).filter(r => r.type === RELATION_API_PROVIDED_BY).map(r => r.targetRef);
    return {
      ...entry,
      serviceArns: arn ? [arn] : [...new Set([entry.ref, ...providers].flatMap(ref => linked.get(ref) ?? []))],
      ...(endpointId ? { endpointIds: [endpointId] } : {}),
    };
  };
  return entries.map(c => ({ component: c.component, declared: c.entries.map(resolve) }));
}

/**
 * The entity a `dependsOn` line names for each service this plugin
 * published one for, by ARN, leaving out `skip` (services linked to a
 * hand-written Component, which is named instead). A generated Component
 * reads better there than the Resource, when there is one.
 */
export async function readPublishedRefs(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  skip: Set<string>,
): Promise<Record<string, string>> {
  const entityRefs: Record<string, string> = {};
  let cursor: string | undefined;
  // Paged: at 10,000 services these are as many entities.
  const fields = ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations'];
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, fields, limit: PAGE }
        : {
            filter: { [`metadata.annotations.${ANNOTATIONS.serviceArn}`]: CATALOG_FILTER_EXISTS },
            fields,
            limit: PAGE,
          },
      { credentials },
    );
    for (const entity of page.items) {
      const arn = entity.metadata.annotations?.[ANNOTATIONS.serviceArn];
      if (!arn || skip.has(arn) || entityRefs[arn]?.startsWith('component:')) continue;
      entityRefs[arn] = stringifyEntityRef(entity);
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return entityRefs;
}
