import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
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
import { entityNetwork } from '../service/entityNetwork';

// Typed with the contract's query types, so the router and the client cannot drift apart.
const pageQuery: z.ZodType<Required<SnapshotsQuery>, z.ZodTypeDef, unknown> = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(SNAPSHOTS_MAX_LIMIT).default(10),
});

const lookupQuery: z.ZodType<LookupQuery, z.ZodTypeDef, unknown> = z.object({
  q: z.string().trim().min(1).max(2048),
});

function parse<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return result.data;
}

export function createRouter(options: {
  network: NetworkService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): express.Router {
  const { network, catalog, httpAuth, permissions } = options;
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

  // The entity is fetched with the caller's credentials, so the catalog's
  // permission rules decide who may see its network.
  router.get('/entities/:namespace/:kind/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const ref: CompoundEntityRef = {
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    };
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${ref.kind}:${ref.namespace}/${ref.name}`);
    }
    res.json(entityNetwork(await network.current(), entity));
  });

  return router;
}
