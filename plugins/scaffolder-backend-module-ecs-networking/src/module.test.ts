import {
  coreServices,
  createBackendPlugin,
  type HttpRouterService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import { demoLikeNetwork } from './__testUtils__/fixtures';
import { scaffolderModuleEcsNetworking } from './module';

/** Stands in for the ecs-networking backend plugin: serves fixed snapshots, one per page. */
function fakeEcsNetworking(seen: { principal: string; url: string }[]) {
  const network = demoLikeNetwork();
  return createBackendPlugin({
    pluginId: 'ecs-networking',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          // A bare handler, as express would call it.
          const handler: Parameters<HttpRouterService['use']>[0] = async (
            req,
            res,
          ) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            seen.push({
              principal: credentials.principal.subject,
              url: req.url,
            });
            if (req.path === '/status') {
              res.json({
                generation: network.generation,
                scopes: network.statuses,
              });
              return;
            }
            const offset = Number(req.query.offset);
            res.json({
              generation: network.generation,
              total: network.snapshots.length,
              items: network.snapshots.slice(offset, offset + 1),
              nextOffset:
                offset + 1 < network.snapshots.length ? offset + 1 : undefined,
            });
          };
          httpRouter.use(handler);
        },
      });
    },
  });
}

const template = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'module-test' },
  spec: {
    owner: 'group:default/platform-team',
    type: 'service',
    steps: [
      {
        id: 'validate',
        action: 'ecs-networking:validate',
        input: {
          mode: 'service-connect',
          accountId: '111111111111',
          region: 'eu-west-1',
          cluster: 'shop',
          serviceName: 'checkout',
          container: { name: 'checkout', port: 8080, portName: 'http' },
          serviceConnect: {
            clientAlias: { dnsName: 'user-service', port: 8080 },
          },
          tags: { owner: 'team-orders', component: 'checkout' },
        },
      },
    ],
  },
};

describe('scaffolder module', () => {
  it('registers the actions and reads live state with a service token, page by page, using the configured tag keys', async () => {
    const seen: { principal: string; url: string }[] = [];
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleEcsNetworking,
        fakeEcsNetworking(seen),
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            ecsNetworking: { tags: { owner: 'team', component: 'app' } },
          },
        }),
      ],
    });
    try {
      const actions = await request(backend.server)
        .get('/api/scaffolder/v2/actions')
        .set('authorization', mockCredentials.user.header());
      expect(actions.body.map((a: { id: string }) => a.id)).toEqual(
        expect.arrayContaining([
          'ecs-networking:validate',
          'ecs-networking:validate-terraform',
          'ecs-networking:describe-service',
        ]),
      );

      const res = await request(backend.server)
        .post('/api/scaffolder/v2/dry-run')
        .set('authorization', mockCredentials.user.header())
        .send({ template, values: {}, directoryContents: [] });
      expect(res.status).toBe(400);
      // Live services carry "owner", not the configured "team" tag.
      expect(res.body.error.message).toContain(
        'shop/user-service is owned by nobody (no owner tag)',
      );
      // The planned owner went to the configured key, so no owner problem.
      expect(res.body.error.message).not.toContain('owner-tag-missing');

      expect(seen.map(s => s.url)).toEqual([
        '/status',
        '/snapshots?offset=0&limit=100',
        '/snapshots?offset=1&limit=100',
      ]);
      expect(new Set(seen.map(s => s.principal))).toEqual(
        new Set(['plugin:scaffolder']),
      );
    } finally {
      await backend.stop();
    }
  });
});
