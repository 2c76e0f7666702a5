import { startLocalAwsForSdk } from '@ecs-net/aws-local';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { AuthorizeResult, isResourcePermission } from '@backstage/plugin-permission-common';
import type { LocalAws } from '@ecs-net/aws-local';
import { ecsNetworkingEstateReadPermission } from '@ecs-net/plugin-ecs-networking-common';
import request from 'supertest';
import { demoConfig } from '../__testUtils__/harness';
import { ecsNetworkingPlugin } from '../plugin';

jest.setTimeout(60_000);

const OUTSIDER = 'user:default/outsider';
/** May read catalog entities, but not the estate-wide view. */
const GUEST = 'user:default/guest';
const OPEN = '/api/ecs-networking/entities/default/component/order-service';
const RESTRICTED = '/api/ecs-networking/entities/default/component/analytics-service';
const PROTECTED = [
  '/api/ecs-networking/status',
  '/api/ecs-networking/network',
  '/api/ecs-networking/snapshots',
  '/api/ecs-networking/lookup?q=order-service',
  '/api/ecs-networking/changes',
  '/api/ecs-networking/blast-radius?endpoint=mysql.app',
  OPEN,
];
const CHANGES_OF = (name: string) => `/api/ecs-networking/changes?entityRef=component:${name}&hops=1`;

/** Two hand-written Components the demo's services link to; one is restricted. */
function component(name: string, labels: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      labels,
      annotations: {
        'backstage.io/managed-by-location': 'url:https://example.com/catalog.yaml',
        'backstage.io/managed-by-origin-location': 'url:https://example.com/catalog.yaml',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team' },
  };
}
const components = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-components',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'test-components',
          connect: connection =>
            connection.applyMutation({
              type: 'full',
              entities: [component('order-service'), component('analytics-service', { restricted: 'true' })].map(
                entity => ({ entity, locationKey: 'test-components' }),
              ),
            }),
        });
      },
    });
  },
});

/**
 * A permission policy: the outsider may read only catalog entities without
 * the `restricted` label; everyone else may read everything. The catalog
 * applies the condition itself, as with any real policy.
 */
const isOutsider = (credentials: { principal: unknown }) =>
  (credentials.principal as { userEntityRef?: string }).userEntityRef === OUTSIDER;
const isGuest = (credentials: { principal: unknown }) =>
  (credentials.principal as { userEntityRef?: string }).userEntityRef === GUEST;
const permissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    async authorize(requests, { credentials }) {
      // Single-entity checks cannot evaluate the condition here: deny them.
      return requests.map(({ permission }) => ({
        result:
          (isOutsider(credentials) && isResourcePermission(permission, 'catalog-entity')) ||
          (isGuest(credentials) && permission.name === ecsNetworkingEstateReadPermission.name)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(({ permission }) =>
        isOutsider(credentials) && isResourcePermission(permission, 'catalog-entity')
          ? createCatalogConditionalDecision(permission, {
              not: catalogConditions.hasLabel({ label: 'restricted' }),
            })
          : { result: AuthorizeResult.ALLOW },
      );
    },
  }),
});

describe('ecs-networking API authentication and entity permissions', () => {
  let local: LocalAws;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const get = (path: string, authorization?: string) => {
    const call = request(backend.server).get(path);
    return authorization ? call.set('authorization', authorization) : call;
  };

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    backend = await startTestBackend({
      features: [
        ecsNetworkingPlugin,
        catalogPlugin,
        components,
        permissions,
        // Unlike the test default, requests without a token stay anonymous.
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
        mockServices.rootConfig.factory({
          data: {
            // Synced once, at startup.
            ...demoConfig({ schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } } }),
            catalog: { processingInterval: { seconds: 1 } },
          },
        }),
      ],
    });
    // Wait for the first sync and for the catalog to have both components.
    for (const path of [OPEN, RESTRICTED]) {
      for (let tries = 0; ; tries++) {
        const res = await get(path, mockCredentials.user.header());
        if (res.status === 200 && res.body.services.length > 0) break;
        if (tries > 120) throw new Error(`${path} never served data: ${res.status}`);
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await local?.close();
  });

  it('serves /health to anyone', async () => {
    expect((await get('/api/ecs-networking/health').expect(200)).body).toEqual({ status: 'ok' });
  });

  it.each(PROTECTED)('answers %s with 401 without a valid token', async path => {
    const anonymous = await get(path).expect(401);
    expect(JSON.stringify(anonymous.body)).not.toMatch(/order-service-|arn:aws/);
    await get(path, mockCredentials.user.invalidHeader()).expect(401);
    await get(path, mockCredentials.service.invalidHeader()).expect(401);
  });

  it.each(PROTECTED)('serves %s to a user token and to a service token', async path => {
    await get(path, mockCredentials.user.header()).expect(200);
    await get(path, mockCredentials.service.header()).expect(200);
  });

  it("serves an entity's network only to callers the catalog lets read it", async () => {
    const allowed = await get(RESTRICTED, mockCredentials.user.header()).expect(200);
    expect(allowed.body.services.map((s: { name: string }) => s.name)).toEqual(['analytics-service']);
    await get(RESTRICTED, mockCredentials.service.header()).expect(200);

    const denied = await get(RESTRICTED, mockCredentials.user.header(OUTSIDER)).expect(404);
    expect(denied.body.services).toBeUndefined();
    expect(JSON.stringify(denied.body)).not.toMatch(/arn:aws|10\.\d+\./);

    // The same caller still sees what it may read.
    const open = await get(OPEN, mockCredentials.user.header(OUTSIDER)).expect(200);
    expect(open.body.services.map((s: { name: string }) => s.name)).toEqual(['order-service']);
  });

  it.each(PROTECTED.filter(path => path !== OPEN))(
    'answers %s with 403 when the policy denies ecs-networking.estate.read',
    async path => {
      const denied = await get(path, mockCredentials.user.header(GUEST)).expect(403);
      expect(JSON.stringify(denied.body)).not.toMatch(/order-service-|arn:aws/);
    },
  );

  it("still serves an entity's network to a caller denied the estate view", async () => {
    const open = await get(OPEN, mockCredentials.user.header(GUEST)).expect(200);
    expect(open.body.services.map((s: { name: string }) => s.name)).toEqual(['order-service']);
  });

  it("serves an entity's changes like its network: to callers the catalog lets read it", async () => {
    await get(CHANGES_OF('order-service'), mockCredentials.user.header(GUEST)).expect(200);
    await get(CHANGES_OF('analytics-service'), mockCredentials.user.header()).expect(200);
    const denied = await get(CHANGES_OF('analytics-service'), mockCredentials.user.header(OUTSIDER)).expect(404);
    expect(denied.body.changes).toBeUndefined();
  });

  it("serves an entity's blast radius like its network: to callers the catalog lets read it", async () => {
    const radius = await get(
      '/api/ecs-networking/blast-radius?entityRef=component:order-service',
      mockCredentials.user.header(GUEST),
    ).expect(200);
    expect(radius.body.targets.map((t: { name: string }) => t.name)).toEqual(['order-service']);
    await get(
      '/api/ecs-networking/blast-radius?entityRef=component:analytics-service',
      mockCredentials.user.header(OUTSIDER),
    ).expect(404);
  });

  it('answers a bad /blast-radius query with 400 or 404 and what is wrong', async () => {
    const user = mockCredentials.user.header();
    const none = await get('/api/ecs-networking/blast-radius', user).expect(400);
    expect(none.body.error.message).toContain('give exactly one of entityRef and endpoint');
    await get('/api/ecs-networking/blast-radius?entityRef=component:order-service&endpoint=mysql.app', user).expect(400);
    await get('/api/ecs-networking/blast-radius?endpoint=mysql.app&hops=0', user).expect(400);
    const unknown = await get('/api/ecs-networking/blast-radius?endpoint=nothing.here', user).expect(404);
    expect(unknown.body.error.message).toContain('No endpoint answers on "nothing.here"');
  });

  it('answers a bad /changes query with 400 and what is wrong', async () => {
    const bad = await get('/api/ecs-networking/changes?since=yesterday', mockCredentials.user.header()).expect(400);
    expect(bad.body.error.message).toContain('since: expected an ISO 8601 time');
    const hops = await get('/api/ecs-networking/changes?hops=1', mockCredentials.user.header()).expect(400);
    expect(hops.body.error.message).toContain('hops needs an entityRef');
    await get(`${CHANGES_OF('order-service')}0`, mockCredentials.user.header()).expect(400);
    const order = await get(
      '/api/ecs-networking/changes?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z',
      mockCredentials.user.header(),
    ).expect(400);
    expect(order.body.error.message).toContain('since: must not be after until');
    const cursor = await get('/api/ecs-networking/changes?before=2026-01-01', mockCredentials.user.header()).expect(400);
    expect(cursor.body.error.message).toContain("before: expected a response's nextBefore");
    await get('/api/ecs-networking/changes?entityRef=component:nobody-knows', mockCredentials.user.header()).expect(404);
  });
});
