import {
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

/**
 * The catalog only draws API relations for Components. ECS services are
 * Resources, so this processor emits providesApi / consumesApi (and their
 * reverses) from the lists the provider writes, and the API pages and the
 * catalog graph show who provides and who calls each endpoint.
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
    for (const [refs, forward, reverse] of pairs) {
      if (!Array.isArray(refs)) continue;
      for (const ref of refs) {
        if (typeof ref !== 'string') continue;
        const api = parseEntityRef(ref, { defaultKind: 'api', defaultNamespace: self.namespace });
        emit(processingResult.relation({ source: self, type: forward, target: api }));
        emit(processingResult.relation({ source: api, type: reverse, target: self }));
      }
    }
    return entity;
  }
}
