import {
  ListServicesCommand,
  RegisterInstanceCommand,
  ServiceDiscoveryClient,
  UpdateInstanceCustomHealthStatusCommand,
} from '@aws-sdk/client-servicediscovery';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  demoAwsConfig,
  type LocalAws,
  NO_DEVIATIONS,
  startLocalAwsForSdk,
} from '@ecs-net/aws-local';
import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import { ScopeReader } from './ScopeReader';

jest.setTimeout(60_000);

const SCOPE = { accountId: '111111111111', region: 'eu-west-1' };
const KEY = { accessKeyId: 'AKIADEMO111111111111', secretAccessKey: 'demo' };

/** ldap: hosts outside ECS, registered by hand in the demo's `app` namespace. */
describe('re-reading Cloud Map instances only when their revision moved', () => {
  let local: LocalAws;
  let cloudMap: ServiceDiscoveryClient;

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    cloudMap = new ServiceDiscoveryClient({ credentials: KEY });
  });
  afterAll(async () => {
    cloudMap.destroy();
    await local.close();
  });

  const newReader = () =>
    new ScopeReader({
      credentials: DefaultAwsCredentialsManager.fromConfig(
        new ConfigReader({ aws: demoAwsConfig() }),
      ),
      quotaShare: 1,
      concurrency: 4,
    });

  async function read(reader: ScopeReader) {
    local.resetCalls();
    const { snapshot, stats } = await reader.read(SCOPE);
    const calls = (operation: string) =>
      stats.byOperation()[`servicediscovery:${operation}`] ?? 0;
    return { snapshot: snapshot!, calls };
  }
  const ldap = (snapshot: ScopeSnapshot) =>
    snapshot.cloudMapServices.find(s => s.name === 'ldap')!;
  const ldapId = async () =>
    (await cloudMap.send(new ListServicesCommand({}))).Services!.find(
      s => s.Name === 'ldap',
    )!.Id!;

  it('lists the instances again only after one is registered, and reads their health every time', async () => {
    const reader = newReader();
    const first = await read(reader);
    const external = first.calls('ListInstances');
    expect(external).toBeGreaterThan(0);
    expect(first.calls('DiscoverInstancesRevision')).toBe(external);

    // Nothing changed: each revision is asked, no list is read again.
    const second = await read(reader);
    expect(second.calls('ListInstances')).toBe(0);
    expect(second.calls('DiscoverInstancesRevision')).toBe(external);
    expect(second.snapshot.cloudMapServices).toEqual(
      first.snapshot.cloudMapServices,
    );

    // Health does not move the revision, so it is read on every sync.
    const serviceId = await ldapId();
    const [instance] = ldap(first.snapshot).instances;
    const flipped = instance.health === 'HEALTHY' ? 'UNHEALTHY' : 'HEALTHY';
    await cloudMap.send(
      new UpdateInstanceCustomHealthStatusCommand({
        ServiceId: serviceId,
        InstanceId: instance.id,
        Status: flipped,
      }),
    );
    const third = await read(reader);
    expect(third.calls('ListInstances')).toBe(0);
    expect(
      ldap(third.snapshot).instances.find(i => i.id === instance.id)!.health,
    ).toBe(flipped);

    // A new instance moves ldap's revision: its list, and only its, is read again.
    await cloudMap.send(
      new RegisterInstanceCommand({
        ServiceId: serviceId,
        InstanceId: 'i-0a11e1a0000000new',
        Attributes: { AWS_INSTANCE_IPV4: '10.0.9.9', AWS_INSTANCE_PORT: '389' },
      }),
    );
    const fourth = await read(reader);
    expect(fourth.calls('ListInstances')).toBe(1);
    expect(ldap(fourth.snapshot).instances).toContainEqual(
      expect.objectContaining({
        id: 'i-0a11e1a0000000new',
        ipv4: '10.0.9.9',
        port: 389,
      }),
    );
  });

  it('lists every time, and says so, when the revision cannot be read', async () => {
    local.setFaults({
      ...NO_DEVIATIONS,
      deniedOperations: ['servicediscovery:DiscoverInstancesRevision'],
    });
    try {
      const reader = newReader();
      const first = await read(reader);
      const second = await read(reader);
      expect(second.snapshot.skipped).toEqual([
        expect.stringMatching(
          /^cloud-map-revision unavailable: servicediscovery:DiscoverInstancesRevision failed: HTTP 400 AccessDeniedException/,
        ),
      ]);
      expect(second.calls('ListInstances')).toBe(first.calls('ListInstances'));
      // Asked once a read: the first refusal stops the asking.
      expect(second.calls('DiscoverInstancesRevision')).toBe(1);
      expect(second.snapshot.cloudMapServices).toEqual(
        first.snapshot.cloudMapServices,
      );
    } finally {
      local.setFaults(NO_DEVIATIONS);
    }
  });
});
