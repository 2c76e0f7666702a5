import { startLocalAwsForSdk } from '@ecs-net/aws-local';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockCredentials } from '@backstage/backend-test-utils';
import { CreateServiceCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { LocalAws } from '@ecs-net/aws-local';
import request from 'supertest';
import {
  byTitle,
  ecsEntities,
  eventually,
  scopeStatuses,
  startCatalogBackend,
} from '../__testUtils__/catalogBackend';
import { recordedLogs } from '../__testUtils__/recordedLogs';

// Sized for a loaded machine: the catalog processes entities one by one.
jest.setTimeout(180_000);

const CANARY = 'ecsnet-canary-7f3a9b';

describe('catalog module with the real catalog backend', () => {
  let local: LocalAws;
  let backend: Awaited<ReturnType<typeof startCatalogBackend>>;
  const { lines: logs, factory: logger } = recordedLogs('debug');

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    backend = await startCatalogBackend({
      schedule: { frequency: { seconds: 1 }, timeout: { minutes: 1 }, initialDelay: { seconds: 0 } },
      features: [schedulerServiceFactory, logger],
    });
  }, 180_000);

  afterAll(async () => {
    await backend?.stop();
    await local?.close();
  });

  it('publishes services, namespaces and endpoints with owners and relations', async () => {
    // The catalog processes entities one by one; wait until all of them,
    // with the processor's relations, are in.
    const entities = await eventually(async () => {
      const items = await ecsEntities(backend.server);
      const services = items.filter(e => e.kind === 'Resource' && e.spec?.type === 'ecs-service');
      // Linked once a sync has read the demo's Components from the catalog
      // and the catalog has processed what it then published. A
      // `dependencyOf` between two services proves neither: only one that
      // names a Component does.
      const linkedToComponent = (e: (typeof services)[number]) =>
        e.relations?.some(r => r.type === 'dependencyOf' && r.targetRef.startsWith('component:'));
      // Nor do some services linked: the catalog loads the Components one
      // by one, and a sync that read it halfway links only those it saw.
      // The links this test checks must all be there.
      const linkedTo = (e: (typeof items)[number] | undefined, type: string, ref: string) =>
        !!e?.relations?.some(r => r.type === type && r.targetRef === ref);
      const processed =
        services.every(e => e.relations?.some(r => r.type === 'ownedBy')) &&
        services.filter(e => e.spec?.dependencyOf).every(linkedToComponent) &&
        linkedTo(byTitle(items, 'Resource', 'order-service')[0], 'dependencyOf', 'component:default/order-service') &&
        linkedTo(byTitle(items, 'API', 'user-service:8080 (eu-west-1)')[0], 'apiProvidedBy', 'component:default/user-service');
      const apisLinked = items
        .filter(e => e.kind === 'API')
        .every(e => e.relations?.some(r => r.type === 'apiProvidedBy'));
      return services.length === 15 && processed && apisLinked ? items : undefined;
    });

    const order = byTitle(entities, 'Resource', 'order-service')[0];
    expect(order.metadata.name).toBe('order-service-shop-euw1-1111');
    expect(order.spec).toMatchObject({ type: 'ecs-service', owner: 'group:default/team-orders', system: 'system:default/shop' });
    expect(order.metadata.annotations).toMatchObject({
      'ecs-networking.io/account-id': '111111111111',
      'ecs-networking.io/region': 'eu-west-1',
    });
    const targets = (type: string) =>
      (order.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);
    expect(targets('dependsOn')).toEqual(
      expect.arrayContaining([
        'resource:default/user-service-shop-euw1-1111',
        'resource:default/product-service-shop-euw1-1111',
        'resource:default/mysql-web-euw1-1111',
      ]),
    );
    // Linked to its hand-written Component, not duplicated.
    expect(targets('dependencyOf')).toContain('component:default/order-service');
    expect(entities.filter(e => e.kind === 'Component')).toEqual([]);
    expect(targets('consumesApi').length).toBeGreaterThanOrEqual(3);
    // The Component provides the service's endpoint, so its page lists it.
    // The catalog stitches that relation onto the Component after it has
    // processed the API entity, so it may land a moment after the rest.
    expect(targets('providesApi')).toHaveLength(1);
    const provided = await eventually(async () => {
      const component = await request(backend.server)
        .get('/api/catalog/entities/by-name/component/default/order-service')
        .set('authorization', mockCredentials.user.header())
        .expect(200);
      const refs: string[] = component.body.relations
        .filter((r: { type: string }) => r.type === 'providesApi')
        .map((r: { targetRef: string }) => r.targetRef);
      return refs.length > 0 ? refs : undefined;
    });
    expect(provided).toEqual(targets('providesApi'));

    // Same service name in two regions: two entities, distinct stable
    // names, and titles that say which region each runs in.
    expect(
      entities
        .filter(e => e.metadata.title?.startsWith('user-service'))
        .map(e => [e.kind, e.metadata.title, e.metadata.name])
        .sort(),
    ).toEqual([
      ['API', 'user-service:8080 (eu-west-1)', 'user-service-8080-sc.local-euw1-1111'],
      ['API', 'user-service:8080 (us-east-1)', 'user-service-8080-sc.local-use1-1111'],
      ['Resource', 'user-service (eu-west-1)', 'user-service-shop-euw1-1111'],
      ['Resource', 'user-service (us-east-1)', 'user-service-shop-us-use1-1111'],
    ]);

    // Missing owner tag falls back to the configured owner.
    expect(byTitle(entities, 'Resource', 'nightly-report')[0].spec?.owner).toBe('group:default/platform-team');

    const alias = byTitle(entities, 'API', 'user-service:8080 (eu-west-1)')[0];
    expect(alias.spec).toMatchObject({ type: 'ecs-service-connect', owner: 'group:default/team-identity' });
    // Provided by the service and by the Component its tag links it to.
    expect(alias.relations?.filter(r => r.type === 'apiProvidedBy').map(r => r.targetRef).sort()).toEqual([
      'component:default/user-service',
      'resource:default/user-service-shop-euw1-1111',
    ]);
    expect(byTitle(entities, 'API', 'mysql.app')).toHaveLength(1);
    // A namespace is owned by the owner its own tag names.
    expect(
      entities
        .filter(e => e.metadata.title?.startsWith('sc.local'))
        .map(e => [e.metadata.title, e.spec?.owner])
        .sort(),
    ).toEqual([
      ['sc.local (eu-west-1)', 'group:default/team-platform'],
      ['sc.local (us-east-1)', 'group:default/team-platform'],
    ]);
    // mysql's component tag names a Component the catalog lacks: no
    // relation to a missing entity, a finding instead (see the card test).
    expect(
      byTitle(entities, 'Resource', 'mysql')[0].relations?.filter(r => r.targetRef.startsWith('component:')),
    ).toEqual([]);

    // No volatile data and no secrets in entities.
    const text = JSON.stringify(entities);
    expect(text).not.toContain(CANARY);
    expect(text).not.toMatch(/\b10\.\d+\.\d+\.\d+\b/);
  });

  it('serves an entity network only to authenticated callers', async () => {
    const path = '/api/ecs-networking/entities/default/resource/order-service-shop-euw1-1111';
    await request(backend.server).get(path).expect(401);
    const res = await request(backend.server)
      .get(path)
      .set('authorization', mockCredentials.user.header())
      .expect(200);
    expect(res.body.services[0].name).toBe('order-service');
    expect(res.body.services[0].tasks).toHaveLength(2);
    expect(res.body.outbound.map((e: { endpointId: string }) => e.endpointId).join(' ')).toContain('user-service');
    expect(JSON.stringify(res.body)).not.toContain(CANARY);
    await request(backend.server)
      .get('/api/ecs-networking/entities/default/resource/no-such-thing')
      .set('authorization', mockCredentials.user.header())
      .expect(404);
  });

  it('keeps entities of a failing account while the others update', async () => {
    local.setFaults({ accessDeniedAccounts: ['222222222222'] });
    await eventually(async () => {
      const two = (await scopeStatuses(backend.server)).filter(s => s.accountId === '222222222222');
      return two.length === 2 && two.every(s => s.stale) ? true : undefined;
    });

    // A new service in the healthy account shows up...
    const ecs = new ECSClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIADEMO111111111111', secretAccessKey: 'demo' },
    });
    await ecs.send(
      new CreateServiceCommand({
        cluster: 'web',
        serviceName: 'late-arrival',
        taskDefinition: 'mysql',
        desiredCount: 1,
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a11e1a0000000001'] } },
        tags: [{ key: 'owner', value: 'team-web' }],
      }),
    );
    const entities = await eventually(async () => {
      const items = await ecsEntities(backend.server);
      return byTitle(items, 'Resource', 'late-arrival').length ? items : undefined;
    });
    // ...while the failing account's entities are still there.
    expect(byTitle(entities, 'Resource', 'analytics-service')).toHaveLength(1);
    expect(byTitle(entities, 'Resource', 'report-service')).toHaveLength(1);
    local.setFaults({ accessDeniedAccounts: [] });
  });

  it('never logs the canary secret', () => {
    expect(logs.some(line => line.includes('ECS networking sync:'))).toBe(true);
    expect(logs.join('\n')).not.toContain(CANARY);
  });
});
