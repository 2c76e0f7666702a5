import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  blastRadius,
  CHANGES_MAX_LIMIT,
  MAX_HOPS,
  neighbourhood,
  type BlastRadiusQuery,
  type BlastRadiusResponse,
  type ChangesQuery,
  type ChangesResponse,
  ecsNetworkingEstateReadPermission,
  SNAPSHOTS_MAX_LIMIT,
  type HealthResponse,
  type LookupQuery,
  type LookupResponse,
  type NetworkResponse,
  type SnapshotsQuery,
  type SnapshotsResponse,
  type StatusResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { NetworkService } from '../service/NetworkService';
import { entityNetwork, entityServiceArns } from '../service/entityNetwork';
import type { HistoryStore } from '../history/HistoryStore';

// Typed with the contract's query types, so the router and the client cannot drift apart.
const pageQuery: z.ZodType<Required<SnapshotsQuery>, z.ZodTypeDef, unknown> = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(SNAPSHOTS_MAX_LIMIT).default(10),
});

const lookupQuery: z.ZodType<LookupQuery, z.ZodTypeDef, unknown> = z.object({
  q: z.string().trim().min(1).max(2048),
});

const DAY_MS = 24 * 3600_000;

const isoTime = z
  .string()
  .datetime({ offset: true, message: 'expected an ISO 8601 time such as 2026-01-01T12:00:00Z' })
  .transform(text => new Date(text).toISOString());

const changesQuery: z.ZodType<Omit<ChangesQuery, 'hops' | 'limit'> & Required<Pick<ChangesQuery, 'hops' | 'limit'>>, z.ZodTypeDef, unknown> = z
  .object({
    since: isoTime.optional(),
    until: isoTime.optional(),
    entityRef: z.string().trim().min(1).max(1024).optional(),
    hops: z.coerce.number().int().min(0).max(MAX_HOPS).default(0),
    limit: z.coerce.number().int().min(1).max(CHANGES_MAX_LIMIT).default(500),
  })
  .refine(q => q.hops === 0 || q.entityRef, { message: 'hops needs an entityRef', path: ['hops'] });

const blastRadiusQuery: z.ZodType<BlastRadiusQuery & { hops: number }, z.ZodTypeDef, unknown> = z
  .object({
    entityRef: z.string().trim().min(1).max(1024).optional(),
    endpoint: z.string().trim().min(1).max(2048).optional(),
    hops: z.coerce.number().int().min(1).max(MAX_HOPS).default(3),
  })
  .refine(q => !!q.entityRef !== !!q.endpoint, {
    message: 'give exactly one of entityRef and endpoint',
    path: ['entityRef'],
  });

function entityRefOf(text: string): CompoundEntityRef {
  try {
    return parseEntityRef(text, { defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
}

function parse<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return result.data;
}

export function createRouter(options: {
  network: NetworkService;
  history: HistoryStore;
  /** Owner of services without a valid owner tag, as the catalog module gives them. */
  defaultOwner: string;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): express.Router {
  const { network, history, defaultOwner, catalog, httpAuth, permissions } = options;
  const router = Router();

  /** Whole-estate routes: authenticated, and allowed by the permission policy. */
  const authorizeEstate = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [decision] = await permissions.authorize(
      [{ permission: ecsNetworkingEstateReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to read the ECS network estate (${ecsNetworkingEstateReadPermission.name})`,
      );
    }
  };
  router.use(express.json());

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  });

  router.get('/status', async (req, res) => {
    await authorizeEstate(req);
    const view = await network.current();
    const body: StatusResponse = { generation: view.generation, scopes: view.statuses };
    res.json(body);
  });

  // Snapshots are large; they are paged by account × region.
  router.get('/snapshots', async (req, res) => {
    await authorizeEstate(req);
    const { offset, limit } = parse(pageQuery, req.query);
    const { generation, ...page } = await network.snapshots(offset, limit);
    const body: SnapshotsResponse = {
      generation,
      total: page.total,
      items: page.items,
      nextOffset: offset + limit < page.total ? offset + limit : undefined,
    };
    res.json(body);
  });

  router.get('/network', async (req, res) => {
    await authorizeEstate(req);
    const view = await network.current();
    const body: NetworkResponse = {
      generation: view.generation,
      scopes: view.statuses,
      ...view.model,
    };
    res.json(body);
  });

  router.get('/lookup', async (req, res) => {
    await authorizeEstate(req);
    const { q } = parse(lookupQuery, req.query);
    const view = await network.current();
    const body: LookupResponse = { query: q, matches: view.lookup.lookup(q) };
    res.json(body);
  });

  // An entity is fetched with the caller's credentials, so the catalog's
  // permission rules decide who may see its network.
  const visibleEntity = async (req: express.Request, ref: CompoundEntityRef) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${ref.kind}:${ref.namespace}/${ref.name}`);
    }
    return entity;
  };

  router.get('/entities/:namespace/:kind/:name', async (req, res) => {
    const entity = await visibleEntity(req, {
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    });
    res.json(entityNetwork(await network.current(), entity));
  });

  // One entity's changes (and its neighbours') follow the entity's
  // visibility, like its network; the whole estate's need the estate permission.
  router.get('/changes', async (req, res) => {
    const query = parse(changesQuery, req.query);
    const until = query.until ?? new Date().toISOString();
    const since = query.since ?? new Date(Date.parse(until) - DAY_MS).toISOString();
    if (since > until) throw new InputError('since: must not be after until');
    let serviceArns: string[] | undefined;
    if (query.entityRef) {
      const entity = await visibleEntity(req, entityRefOf(query.entityRef));
      const view = await network.current();
      serviceArns = [...neighbourhood(view.indexes, entityServiceArns(view, entity), query.hops)];
    } else {
      await authorizeEstate(req);
    }
    const page = await history.changes({ since, until, serviceArns, limit: query.limit });
    const body: ChangesResponse = { since, until, ...page };
    res.json(body);
  });

  // An entity's blast radius follows its visibility, like its network; an
  // endpoint's, looked up across the estate, needs the estate permission.
  router.get('/blast-radius', async (req, res) => {
    const query = parse(blastRadiusQuery, req.query);
    let target: { serviceArns: string[] } | { endpointIds: string[] };
    let view;
    if (query.entityRef) {
      const entity = await visibleEntity(req, entityRefOf(query.entityRef));
      view = await network.current();
      target = { serviceArns: entityServiceArns(view, entity) };
    } else {
      await authorizeEstate(req);
      view = await network.current();
      const endpoint = query.endpoint!;
      const endpointIds = view.indexes.endpoints.has(endpoint)
        ? [endpoint]
        : [...new Set(view.lookup.lookup(endpoint).flatMap(m => (m.endpoint ? [m.endpoint.id] : [])))];
      if (endpointIds.length === 0) throw new NotFoundError(`No endpoint answers on "${endpoint}"`);
      target = { endpointIds };
    }
    const body: BlastRadiusResponse = {
      generation: view.generation,
      ...blastRadius(view.indexes, target, query.hops, { defaultOwner }),
    };
    res.json(body);
  });

  return router;
}
