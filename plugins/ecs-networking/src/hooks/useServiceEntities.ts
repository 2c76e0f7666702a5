import type { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATIONS,
  ENTITY_TYPES,
} from '@ecs-net/plugin-ecs-networking-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';

/**
 * Past this many ARNs the annotation filter would not fit in a URL, so every
 * ECS service Resource is fetched instead (still one request, trimmed fields).
 */
const FILTER_LIMIT = 50;
/**
 * The catalog indexes values of at most 200 characters for filtering; the
 * ARN of a service with a long name (ECS allows 255) is longer, and is then
 * looked up the same way.
 */
const INDEXED_VALUE_LIMIT = 200;

const EMPTY = new Map<string, Entity>();

const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  // The owner the catalog gave it: the default owner, for a service with no owner tag.
  'spec.owner',
  `metadata.annotations.${ANNOTATIONS.serviceArn}`,
];

/**
 * The catalog Resources of ECS services, by service ARN. Entity names are
 * not derivable from an ARN, so they are found by annotation, in one catalog
 * request per distinct set of ARNs. Services the catalog does not (yet) hold
 * are simply absent, and callers show their names unlinked.
 */
export function useServiceEntities(arns: string[]): Map<string, Entity> {
  const catalogApi = useApi(catalogApiRef);
  const key = useMemo(() => [...new Set(arns)].sort().join('\n'), [arns]);

  const { value } = useAsync(async () => {
    const wanted = key ? key.split('\n') : [];
    if (wanted.length === 0) return new Map<string, Entity>();
    const filter: Record<string, string | string[]> = {
      kind: 'resource',
      'spec.type': ENTITY_TYPES.ecsService,
    };
    if (
      wanted.length <= FILTER_LIMIT &&
      wanted.every(arn => arn.length <= INDEXED_VALUE_LIMIT)
    ) {
      filter[`metadata.annotations.${ANNOTATIONS.serviceArn}`] = wanted;
    }
    const { items } = await catalogApi.getEntities({ filter, fields: FIELDS });
    const byArn = new Map<string, Entity>();
    for (const entity of items) {
      const arn = entity.metadata.annotations?.[ANNOTATIONS.serviceArn];
      if (arn) byArn.set(arn, entity);
    }
    return byArn;
  }, [catalogApi, key]);

  // A catalog failure only costs the links; the network data stays useful.
  return value ?? EMPTY;
}
