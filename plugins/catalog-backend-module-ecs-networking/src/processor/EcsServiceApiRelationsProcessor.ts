import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import { ENTITY_TYPES } from '@ecs-net/plugin-ecs-networking-common';

/** The entity refs of a spec list, skipping whatever is not a string. */
function refsOf(refs: unknown, defaultKind: string, defaultNamespace: string): CompoundEntityRef[] {
  if (!Array.isArray(refs)) return [];
  return refs.flatMap(ref =>
    typeof ref === 'string' ? [parseEntityRef(ref, { defaultKind, defaultNamespace })] : [],
  );
}

/**
 * The catalog only draws API relations for Components. ECS services are
 * Resources, so this processor emits providesApi / consumesApi (and their
 * reverses) from the lists the provider writes, and the API pages and the
 * catalog graph show who provides and who calls each endpoint. The
 * Component a service is linked to (its `dependencyOf`, written only for a
 * Component the catalog holds) provides the service's endpoints too, so the
 * Component's page lists them.
 */
export class EcsServiceApiRelationsProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'EcsServiceApiRelationsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (entity.kind !== 'Resource' || entity.spec?.type !== ENTITY_TYPES.ecsService) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const pairs: Array<[unknown, string, string]> = [
      [entity.spec?.providesApis, RELATION_PROVIDES_API, RELATION_API_PROVIDED_BY],
      [entity.spec?.consumesApis, RELATION_CONSUMES_API, RELATION_API_CONSUMED_BY],
    ];
    const linkedComponents = refsOf(entity.spec?.dependencyOf, 'component', self.namespace).filter(
      ref => ref.kind.toLocaleLowerCase('en-US') === 'component',
    );
    for (const [refs, forward, reverse] of pairs) {
      for (const api of refsOf(refs, 'api', self.namespace)) {
        emit(processingResult.relation({ source: self, type: forward, target: api }));
        emit(processingResult.relation({ source: api, type: reverse, target: self }));
        if (forward !== RELATION_PROVIDES_API) continue;
        for (const component of linkedComponents) {
          emit(processingResult.relation({ source: component, type: forward, target: api }));
          emit(processingResult.relation({ source: api, type: reverse, target: component }));
        }
      }
    }
    return entity;
  }
}
