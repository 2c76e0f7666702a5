import { mockCredentials } from '@backstage/backend-test-utils';
import { type LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import type { EntityNetworkResponse, Finding, NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import request from 'supertest';
import { ecsEntities, eventually, startCatalogBackend, syncTrigger } from '../__testUtils__/catalogBackend';

// Sized for a loaded machine: the catalog processes entities one by one.
jest.setTimeout(240_000);

const trigger = syncTrigger();

/**
 * Drift with the real catalog: the demo's hand-written Components
 * (examples/components.yaml) against the calls the demo estate makes.
 */
describe('declared against observed dependencies of the demo', () => {
  let local: LocalAws;
  let backend: Awaited<ReturnType<typeof startCatalogBackend>>;
  const get = async <T>(path: string): Promise<T> =>
    (await request(backend.server).get(path).set('authorization', mockCredentials.user.header()).expect(200)).body;

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    backend = await startCatalogBackend({
      // Syncs run only when the test triggers them (see syncTrigger).
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 }, initialDelay: { hours: 1 } },
      features: [trigger.feature],
      // The demo's setting: a declared call not seen is reported at once.
      ecsNetworking: { drift: { notObservedAfter: { days: 0 } } },
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await local?.close();
  });

  it('reports the calls the Components do not declare and the declaration nothing calls, with fixes', async () => {
    // The Components are read from their file location when the catalog starts.
    await eventually(() => get('/api/catalog/entities/by-name/component/default/legacy-gateway'));
    await trigger.syncNow();
    // mysql has no Component: the line to add names the Resource published
    // for it, which the catalog holds from the first sync on and the next
    // sync reads.
    await eventually(async () => {
      const published = await ecsEntities(backend.server);
      return published.some(e => e.metadata.name === 'mysql-web-euw1-1111') ? true : undefined;
    });
    await trigger.syncNow();

    const { findings } = await get<NetworkResponse>('/api/ecs-networking/network');
    const drift = findings
      .filter(f => f.ruleId.startsWith('dependency-'))
      .map(f => [f.ruleId, f.severity, f.subject.name, f.fix]);
    expect(drift).toEqual([
      [
        'dependency-undeclared',
        'warning',
        'app',
        'Add this line under spec.dependsOn of component:default/app: - resource:default/mysql-web-euw1-1111',
      ],
      [
        'dependency-undeclared',
        'warning',
        'order-service',
        'Add this line under spec.dependsOn of component:default/order-service: - resource:default/mysql-web-euw1-1111',
      ],
      [
        'dependency-undeclared',
        'warning',
        'payment-service',
        'Add this line under spec.dependsOn of component:default/payment-service: - component:default/order-service',
      ],
      [
        'dependency-not-observed',
        'info',
        'legacy-gateway',
        'If the dependency is gone, remove "- component:default/user-service" from spec.dependsOn of component:default/legacy-gateway; if it is real, name the endpoint in the caller\'s configuration so it can be seen.',
      ],
    ]);
    // Besides the demo's four wiring mistakes and two dangling component tags, nothing.
    expect(findings.filter(f => !f.ruleId.startsWith('dependency-')).map((f: Finding) => f.ruleId).sort()).toEqual([
      'app-mesh-in-use',
      'component-tag-not-in-catalog',
      'component-tag-not-in-catalog',
      'dns-ttl-too-high',
      'owner-tag-missing',
      'service-connect-port-name',
    ]);

    // On the Component's card, like every finding about its services.
    const card = await get<EntityNetworkResponse>('/api/ecs-networking/entities/default/component/payment-service');
    expect(card.findings.map(f => f.message)).toContainEqual(
      'payment-service calls order-service through order-service:8080 (container payment-service variable ORDER_SERVICE_URL), but component:default/payment-service declares no dependency on component:default/order-service.',
    );
  });
});
