import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { demoAwsConfig, LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { DEFAULT_TAG_KEYS } from '@ecs-net/plugin-ecs-networking-common';
import { planInput } from '@ecs-net/plugin-ecs-networking-common/testing';
import { component, demoConfig, recordingLogger, sqliteDatabase } from '../__testUtils__/harness';
import { createEcsNetworkingEngine } from '../createEcsNetworkingEngine';
import { networkAccess } from '../queries/access';
import { registerActions } from './registerActions';

// Real syncs of the demo estate through the SDK, on a possibly loaded machine.
jest.setTimeout(120_000);

/** A policy that denies everything: entity-scoped questions still follow the catalog. */
const denyAll: PermissionsService = {
  authorize: async requests => requests.map(() => ({ result: AuthorizeResult.DENY })),
  authorizeConditional: async requests => requests.map(() => ({ result: AuthorizeResult.DENY })),
};

/** A correct plan of the demo's shop cluster that calls order-service, as JSON an agent sends. */
const CHECKOUT = JSON.parse(JSON.stringify(planInput({ dependencies: ['order-service:8080'] })));

describe('the actions registered for AI agents', () => {
  let local: LocalAws;
  let ecs: ECSClient;
  const registry = actionsRegistryServiceMock();
  const denied = actionsRegistryServiceMock();
  const started = new Date().toISOString();
  // The mock registry names actions `test:…`; the plugin's are `ecs-networking:…`.
  const invoke = (name: string, input: Parameters<typeof registry.invoke>[0]['input'], on = registry) =>
    on.invoke({ id: `test:${name}`, input, credentials: mockCredentials.user() });

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    ecs = new ECSClient({ credentials: demoAwsConfig().mainAccount });
    const engine = await createEcsNetworkingEngine({
      config: new ConfigReader(demoConfig({ ownership: { defaultOwner: 'group:default/platform-team' } })),
      database: sqliteDatabase(),
      logger: recordingLogger(),
    });
    await engine.sync.run();
    await ecs.send(new UpdateServiceCommand({ cluster: 'shop', service: 'inventory-service', desiredCount: 3 }));
    await engine.sync.run();
    const catalog = catalogServiceMock({
      entities: ['user-service', 'inventory-service', 'order-service'].map(name => component(name)),
    });
    const deps = (permissions: PermissionsService) => ({
      network: engine.network,
      history: engine.history,
      access: networkAccess({ catalog, permissions }),
      defaultOwner: engine.settings.defaultOwner,
      tagKeys: DEFAULT_TAG_KEYS,
    });
    registerActions(registry, deps(mockServices.permissions()));
    registerActions(denied, deps(denyAll));
  });
  afterAll(async () => {
    ecs.destroy();
    await local.close();
  });

  it('are listed read-only, with input and output schemas', async () => {
    const { actions } = await registry.list();
    expect(actions.map(a => [a.name, a.attributes])).toEqual(
      ['who-owns', 'blast-radius', 'changes', 'validate-service'].map(name => [
        name,
        { readOnly: true, idempotent: true, destructive: false },
      ]),
    );
    for (const action of actions) {
      expect(action.schema.input).toMatchObject({ type: 'object' });
      expect(action.schema.output).toMatchObject({ type: 'object' });
    }
  });

  it('run their documented examples', async () => {
    const examples = [...registry.actions].flatMap(([id, action]) => (action.examples ?? []).map(e => ({ id, ...e })));
    expect(examples.map(e => e.id)).toEqual(['test:who-owns', 'test:blast-radius', 'test:changes', 'test:validate-service']);
    for (const example of examples) {
      await expect(
        registry.invoke({ id: example.id, input: example.input, credentials: mockCredentials.user() }),
      ).resolves.toEqual({ output: expect.any(Object) });
    }
  });

  it('who-owns: the services and owners behind a name', async () => {
    const { output } = await invoke('who-owns', { query: 'order-service:8080' });
    expect(output).toEqual({
      query: 'order-service:8080',
      owners: ['group:default/team-orders'],
      matches: [
        {
          matchedBy: 'endpoint',
          service: expect.objectContaining({ name: 'order-service', owner: 'group:default/team-orders', component: 'component:default/order-service' }),
          endpoint: { id: 'connect:111111111111:eu-west-1:sc.local:order-service:8080', name: 'order-service:8080', mechanism: 'connect' },
        },
      ],
    });
    // nightly-report has no owner tag: the configured default owner.
    const untagged = await invoke('who-owns', { query: 'nightly-report' });
    expect(untagged.output).toMatchObject({ owners: ['group:default/platform-team'] });
  });

  it('blast-radius: callers by hop and the owners to page', async () => {
    const { output } = await invoke('blast-radius', { entityRef: 'component:user-service', hops: 1 });
    expect(output).toMatchObject({
      hops: 1,
      callers: [
        { hop: 1, service: { name: 'loyalty-service', accountId: '222222222222' } },
        { hop: 1, service: { name: 'order-service' } },
      ],
      owners: ['group:default/team-loyalty', 'group:default/team-orders'],
    });
    await expect(invoke('blast-radius', { hops: 1 })).rejects.toThrow('give exactly one of entityRef and endpoint');
  });

  it('changes: what a sync changed about an entity', async () => {
    const { output } = await invoke('changes', { entityRef: 'component:inventory-service', since: started });
    expect(output).toMatchObject({
      truncated: false,
      changes: [
        {
          kind: 'service',
          action: 'changed',
          label: 'inventory-service',
          attributes: [{ name: 'desiredCount', before: '2', after: '3' }],
        },
      ],
    });
    await expect(invoke('changes', { since: 'yesterday' })).rejects.toThrow('Invalid input');
    await expect(invoke('changes', { since: started, before: 'yesterday' })).rejects.toThrow(
      "before: expected a response's nextBefore",
    );
  });

  it('validate-service: the plan check, answered with its problems', async () => {
    const ok = await invoke('validate-service', CHECKOUT);
    expect(ok.output).toMatchObject({
      accepted: true,
      serviceArn: 'arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout',
      endpoints: ['checkout:8080'],
      dependencies: [{ endpoint: 'order-service:8080', resolved: 'order-service:8080', owner: 'team-orders' }],
      environment: [{ name: 'ORDER_SERVICE_URL', value: 'http://order-service:8080' }],
    });
    // The alias another service already answers on.
    const taken = await invoke('validate-service', {
      ...CHECKOUT,
      serviceConnect: { discoveryName: 'checkout', clientAlias: { dnsName: 'user-service', port: 8080 } },
    });
    expect(taken.output).toMatchObject({ accepted: false });
    expect((taken.output as { problems: Array<{ ruleId: string; severity: string }> }).problems).toContainEqual(
      expect.objectContaining({ severity: 'error', ruleId: 'duplicate-client-alias' }),
    );
  });

  it('answer with the caller’s permissions, as the HTTP routes do', async () => {
    // The whole estate needs the estate permission…
    await expect(invoke('who-owns', { query: 'order-service:8080' }, denied)).rejects.toThrow(
      'Not allowed to read the ECS network estate',
    );
    await expect(invoke('validate-service', CHECKOUT, denied)).rejects.toThrow('Not allowed');
    await expect(invoke('changes', {}, denied)).rejects.toThrow('Not allowed');
    // …one entity the caller may see in the catalog does not.
    const { output } = await invoke('blast-radius', { entityRef: 'component:user-service', hops: 1 }, denied);
    expect(output).toMatchObject({ owners: ['group:default/team-loyalty', 'group:default/team-orders'] });
  });
});
