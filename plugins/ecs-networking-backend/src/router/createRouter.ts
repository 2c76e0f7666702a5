import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  CHANGES_MAX_LIMIT,
  CHANGES_PAGE_SIZE,
  MAX_HOPS,
  type BlastRadiusQuery,
  SNAPSHOTS_MAX_LIMIT,
  type HealthResponse,
  type LookupQuery,
  type NetworkResponse,
  type SnapshotsQuery,
  type SnapshotsResponse,
  type StatusResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { HistoryStore } from '../history/HistoryStore';
import { networkAccess } from '../queries/access';
import { readBlastRadius } from '../queries/blastRadius';
import { type ChangesRequest, readChanges } from '../queries/changes';
import { readLookup } from '../queries/lookup';
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

const isoTime = z
  .string()
  .datetime({ offset: true, message: 'expected an ISO 8601 time such as 2026-01-01T12:00:00Z' });

// What the queries check beyond the shape (exactly one of entityRef and
// endpoint, hops with an entityRef, since before until, the cursor) they
// check for the actions too.
const changesQuery: z.ZodType<ChangesRequest, z.ZodTypeDef, unknown> = z.object({
  since: isoTime.optional(),
  until: isoTime.optional(),
  entityRef: z.string().trim().min(1).max(1024).optional(),
  hops: z.coerce.number().int().min(0).max(MAX_HOPS).default(0),
  limit: z.coerce.number().int().min(1).max(CHANGES_MAX_LIMIT).default(CHANGES_PAGE_SIZE),
  before: z.string().max(64).optional(),
});

const blastRadiusQuery: z.ZodType<BlastRadiusQuery & { hops: number }, z.ZodTypeDef, unknown> = z.object({
  entityRef: z.string().trim().min(1).max(1024).optional(),
  endpoint: z.string().trim().min(1).max(2048).optional(),
  hops: z.coerce.number().int().min(1).max(MAX_HOPS).default(3),
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
  history: HistoryStore;
  /** Owner of services without a valid owner tag, as the catalog module gives them. */
  defaultOwner: string;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): express.Router {
  const { network, history, defaultOwner, catalog, httpAuth, permissions } = options;
  const router = Router();
  const access = networkAccess({ catalog, permissions });
  const credentialsOf = (req: express.Request) => httpAuth.credentials(req, { allow: ['user', 'service'] });
  /** Whole-estate routes: authenticated, and allowed by the permission policy. */
  const authorizeEstate = async (req: express.Request) => access.authorizeEstate(await credentialsOf(req));
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
    const { q } = parse(lookupQuery, req.query);
    res.json(await readLookup({ network, access }, await credentialsOf(req), q));
  });

  router.get('/entities/:namespace/:kind/:name', async (req, res) => {
    const { namespace, kind, name } = req.params;
    const entity = await access.visibleEntity(await credentialsOf(req), { kind, namespace, name });
    res.json(entityNetwork(await network.current(), entity));
  });

  router.get('/changes', async (req, res) => {
    const query = parse(changesQuery, req.query);
    res.json(await readChanges({ network, history, access }, await credentialsOf(req), query));
  });

  router.get('/blast-radius', async (req, res) => {
    const query = parse(blastRadiusQuery, req.query);
    res.json(await readBlastRadius({ network, access, defaultOwner }, await credentialsOf(req), query));
  });

  return router;
}
