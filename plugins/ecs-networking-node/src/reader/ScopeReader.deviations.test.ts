import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  demoAwsConfig,
  type FaultConfig,
  type LocalAws,
  NO_DEVIATIONS,
  startLocalAwsForSdk,
} from '@ecs-net/aws-local';
import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import { ENRICHMENTS, type Enrichment } from './ReadNotes';
import { ScopeReader } from './ScopeReader';

// Every read goes through the real SDK to the local endpoint; a loaded
// machine may take seconds for one.
jest.setTimeout(60_000);

const SCOPE = { accountId: '111111111111', region: 'eu-west-1' };

/** What a read found, without when it ran and what it noted. */
function content(snapshot: ScopeSnapshot) {
  const { readAt, skipped, anomalies, ...rest } = snapshot;
  const byKey = <T>(items: T[], key: (item: T) => string) =>
    [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    ...rest,
    clusters: byKey(rest.clusters, c => c.arn),
    services: byKey(rest.services, s => s.arn),
    namespaces: byKey(rest.namespaces, n => n.id),
    cloudMapServices: byKey(rest.cloudMapServices, s => s.id).map(s => ({
      ...s,
      instances: byKey(s.instances, i => i.id),
    })),
    taskDefinitions: byKey(rest.taskDefinitions, t => t.arn),
  };
}

describe('ScopeReader against an endpoint that deviates from AWS', () => {
  let local: LocalAws;
  let normal: ScopeSnapshot;

  function reader(skip?: Enrichment[]) {
    return new ScopeReader({
      credentials: DefaultAwsCredentialsManager.fromConfig(new ConfigReader({ aws: demoAwsConfig() })),
      quotaShare: 1,
      concurrency: 4,
      skip,
    });
  }

  async function read(faults: Partial<FaultConfig>, skip?: Enrichment[]) {
    local.setFaults({ ...NO_DEVIATIONS, ...faults });
    local.resetCalls();
    const result = await reader(skip).read(SCOPE);
    local.setFaults(NO_DEVIATIONS);
    return result;
  }

  function callsOf(operation: string) {
    return local
      .calls()
      .filter(c => c.operation === operation && c.account === SCOPE.accountId)
      .reduce((n, c) => n + c.calls, 0);
  }

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    normal = (await reader().read(SCOPE)).snapshot!;
  });
  afterAll(() => local.close());

  it('reads the demo estate completely, with nothing to note, when the endpoint is AWS-like', () => {
    expect(normal.services.length).toBeGreaterThan(3);
    expect(normal.observedCalls!.length).toBeGreaterThan(0);
    expect(normal.skipped).toBeUndefined();
    expect(normal.anomalies).toBeUndefined();
  });

  it('reads everything but the metrics when CloudWatch answers an HTML 500 page, and asks once', async () => {
    const { snapshot, error } = await read({ htmlErrorOperations: ['cloudwatch:ListMetrics'] });
    expect(error).toBeUndefined();
    expect(snapshot!.skipped).toEqual([
      expect.stringMatching(
        /^metrics unavailable: cloudwatch:ListMetrics failed: HTTP 500 non-AWS response: the endpoint is not answering as AWS does/,
      ),
    ]);
    expect(snapshot!.observedCalls).toEqual([]);
    expect(content(snapshot!)).toEqual({ ...content(normal), observedCalls: [] });
    // An answer that is not AWS's is not asked for again.
    expect(callsOf('ListMetrics')).toBe(1);
  });

  it('reads everything but the metrics when CloudWatch is unreachable', async () => {
    const before = process.env.AWS_ENDPOINT_URL_CLOUDWATCH;
    // Port 9 (discard) is closed on loopback: the connection is refused at once.
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH = 'http://127.0.0.1:9';
    try {
      const { snapshot } = await read({});
      expect(snapshot!.skipped).toEqual([
        expect.stringMatching(
          /^metrics unavailable: cloudwatch:ListMetrics failed: no HTTP answer ECONNREFUSED: no answer from the endpoint/,
        ),
      ]);
      expect(content(snapshot!)).toEqual({ ...content(normal), observedCalls: [] });
    } finally {
      if (before === undefined) delete process.env.AWS_ENDPOINT_URL_CLOUDWATCH;
      else process.env.AWS_ENDPOINT_URL_CLOUDWATCH = before;
    }
  });

  it('reads without load balancer names when ELB is denied, naming the IAM action', async () => {
    const { snapshot } = await read({
      deniedOperations: ['elasticloadbalancing:DescribeTargetGroups'],
    });
    expect(snapshot!.skipped).toEqual([
      expect.stringMatching(
        /^load-balancers unavailable: elasticloadbalancing:DescribeTargetGroups failed: HTTP 403 AccessDenied, request id [\w-]+: the credentials may not call elasticloadbalancing:DescribeTargetGroups/,
      ),
    ]);
    const names = (s: ScopeSnapshot) => s.services.flatMap(svc => svc.loadBalancers.map(lb => lb.dnsName));
    expect(names(normal).filter(Boolean).length).toBeGreaterThan(0);
    expect(names(snapshot!).filter(Boolean)).toEqual([]);
    expect(snapshot!.services.map(s => s.arn).sort()).toEqual(normal.services.map(s => s.arn).sort());
  });

  it('reads without Cloud Map health when that call fails', async () => {
    const { snapshot } = await read({
      htmlErrorOperations: ['servicediscovery:GetInstancesHealthStatus'],
    });
    expect(snapshot!.skipped).toEqual([
      expect.stringMatching(
        /^cloud-map-health unavailable: servicediscovery:GetInstancesHealthStatus failed: HTTP 500 non-AWS response/,
      ),
    ]);
    const health = (s: ScopeSnapshot) =>
      s.cloudMapServices.flatMap(svc => svc.instances.map(i => i.health)).filter(Boolean);
    expect(health(normal).length).toBeGreaterThan(0);
    expect(health(snapshot!)).toEqual([]);
  });

  it("reads the namespace's RAM share: who it is shared with, under which permission", () => {
    const scLocal = normal.namespaces.find(ns => ns.name === 'sc.local')!;
    expect(scLocal.shares).toEqual([
      {
        arn: expect.stringMatching(
          /^arn:aws:ram:eu-west-1:111111111111:resource-share\//,
        ),
        name: 'shop-service-connect',
        status: 'ACTIVE',
        principals: ['222222222222'],
        permissions: ['AWSRAMPermissionCloudMapECSFullPermission'],
      },
    ]);
    // Namespaces in no share stay without.
    expect(normal.namespaces.filter(ns => ns.shares)).toHaveLength(1);
  });

  it('reads, in the account a namespace is shared with, the share it accepted', async () => {
    const { snapshot } = await reader().read({
      ...SCOPE,
      accountId: '222222222222',
    });
    const scLocal = snapshot!.namespaces.find(ns => ns.name === 'sc.local')!;
    expect(scLocal.ownerAccountId).toBe('111111111111');
    // RAM shows a share's principals to its owner only: here, the reader's account.
    expect(scLocal.shares).toEqual([
      expect.objectContaining({
        name: 'shop-service-connect',
        principals: ['222222222222'],
        permissions: ['AWSRAMPermissionCloudMapECSFullPermission'],
      }),
    ]);
  });

  it('reads without RAM shares when RAM is denied, and says so', async () => {
    const { snapshot, error } = await read({
      deniedOperations: ['ram:ListResourceSharePermissions'],
    });
    expect(error).toBeUndefined();
    expect(snapshot!.skipped).toEqual([
      expect.stringMatching(
        /^ram-shares unavailable: ram:ListResourceSharePermissions failed: HTTP 403 AccessDeniedException, request id [\w-]+: the credentials may not call ram:ListResourceSharePermissions/,
      ),
    ]);
    // Nothing half-read: no namespace has shares, and the rest is whole.
    const withoutShares = (s: ScopeSnapshot) =>
      content(s).namespaces.map(({ shares, ...ns }) => ns);
    expect(snapshot!.namespaces.filter(ns => ns.shares)).toEqual([]);
    expect(withoutShares(snapshot!)).toEqual(withoutShares(normal));
    expect(snapshot!.services.map(s => s.arn).sort()).toEqual(
      normal.services.map(s => s.arn).sort(),
    );
  });

  it('reads nothing it was told to skip, and says so', async () => {
    const { snapshot } = await read({}, [...ENRICHMENTS]);
    expect(snapshot!.skipped!.sort()).toEqual([
      'cloud-map-health unavailable: turned off',
      'cloud-map-revision unavailable: turned off',
      'load-balancers unavailable: turned off',
      'metrics unavailable: turned off',
      'ram-shares unavailable: turned off',
    ]);
    expect(callsOf('ListResources')).toBe(0);
    expect(callsOf('DiscoverInstancesRevision')).toBe(0);
    expect(callsOf('ListMetrics')).toBe(0);
    expect(callsOf('DescribeTargetGroups')).toBe(0);
    expect(callsOf('GetInstancesHealthStatus')).toBe(0);
  });

  it('fails the read on a core call, once, with an error a person can act on', async () => {
    const { snapshot, error } = await read({ htmlErrorOperations: ['ecs:ListClusters'] });
    expect(snapshot).toBeUndefined();
    expect(error).toMatch(
      /^ecs:ListClusters failed: HTTP 500 non-AWS response: the endpoint is not answering as AWS does .*AWS_ENDPOINT_URL/,
    );
    expect(error).not.toContain('Deserialization error');
    expect(callsOf('ListClusters')).toBe(1);
  });

  it('names the IAM action when a core call is denied', async () => {
    const { error } = await read({ deniedOperations: ['ecs:DescribeServices'] });
    expect(error).toMatch(
      /^ecs:DescribeServices failed: HTTP 403 AccessDeniedException, request id [\w-]+: the credentials may not call ecs:DescribeServices/,
    );
  });

  it('places Cloud Map services by their own namespace when the NAMESPACE_ID filter is ignored', async () => {
    const { snapshot } = await read({ ignoreFilterOperations: ['servicediscovery:ListServices'] });
    expect(content(snapshot!)).toEqual(content(normal));
    expect(snapshot!.anomalies).toEqual([
      expect.stringContaining('servicediscovery:ListServices listed services outside the namespace'),
    ]);
  });

  it('leaves out services of namespaces it does not read when the filter is ignored', async () => {
    const [kept] = normal.namespaces;
    local.setFaults({ ...NO_DEVIATIONS, ignoreFilterOperations: ['servicediscovery:ListServices'] });
    const { snapshot } = await reader().read({ ...SCOPE, namespaces: [kept.name] });
    local.setFaults(NO_DEVIATIONS);
    const expected = normal.cloudMapServices.filter(s => s.namespaceId === kept.id).map(s => s.id);
    expect(snapshot!.cloudMapServices.map(s => s.id).sort()).toEqual(expected.sort());
    expect(snapshot!.anomalies).toContainEqual(
      expect.stringMatching(/^servicediscovery:ListServices listed \d+ service\(s\) of namespaces not read; they were left out$/),
    );
  });

  it('reads the same when lists ignore maxResults', async () => {
    const { snapshot } = await read({
      noPagingOperations: ['ecs:ListServices', 'ecs:ListTasks', 'servicediscovery:ListNamespaces'],
    });
    expect(content(snapshot!)).toEqual(content(normal));
  });

  it('keeps each item once when lists and descriptions repeat them', async () => {
    const { snapshot } = await read({
      duplicateOperations: [
        'ecs:ListClusters',
        'ecs:ListServices',
        'ecs:DescribeServices',
        'ecs:ListTasks',
        'ecs:DescribeTasks',
        'servicediscovery:ListNamespaces',
        'servicediscovery:ListServices',
        'servicediscovery:ListInstances',
      ],
    });
    expect(content(snapshot!)).toEqual(content(normal));
    expect(snapshot!.anomalies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ecs:ListServices listed \d+ item\(s\) more than once; each was kept once$/),
        expect.stringMatching(/^ecs:DescribeServices answered \d+ item\(s\) more than once/),
        expect.stringMatching(/^ecs:DescribeTasks answered \d+ task\(s\) more than once/),
      ]),
    );
  });

  it('ends a listing whose paging token repeats, keeping what it listed', async () => {
    const { snapshot } = await read({
      repeatTokenOperations: ['ecs:ListClusters', 'ecs:ListServices', 'servicediscovery:ListNamespaces'],
    });
    expect(content(snapshot!)).toEqual(content(normal));
    expect(snapshot!.anomalies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ecs:ListClusters answered a paging token it had already given/),
      ]),
    );
    // The listing asked twice: the first answer and the repeated token.
    expect(callsOf('ListClusters')).toBe(2);
  });

  it('reads tasks whose ids are not 32 hex digits, and notes it', async () => {
    const { snapshot } = await read({ uuidTaskIds: true });
    expect(content(snapshot!)).toEqual(content(normal));
    expect(snapshot!.anomalies).toEqual([
      expect.stringMatching(/^ecs:ListTasks named \d+ task\(s\) with ids that are not ECS's 32 hex digits/),
    ]);
  });
});
