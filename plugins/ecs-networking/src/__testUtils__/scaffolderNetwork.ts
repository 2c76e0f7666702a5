import {
  analyzeNetwork,
  type NetworkResponse,
  type ScopeSnapshot,
  type ScopeStatus,
  type SnapshotsResponse,
  type StatusResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';

/** Two accounts' worth of snapshots, for the scaffolder field tests. */
export function testSnapshots(): ScopeSnapshot[] {
  const eu = scope('111111111111', 'eu-west-1')
    .namespace('sc.local', 'HTTP')
    .namespace('app', 'DNS_PRIVATE')
    .cluster('shop', { defaultNamespace: 'sc.local' })
    .cloudMapService('mysql', 'app', { records: [{ type: 'A', ttl: 10 }] })
    .service('order-service', {
      cluster: 'shop',
      serviceConnect: {
        services: [
          {
            portName: 'http',
            discoveryName: 'order-service',
            clientAliases: [{ dnsName: 'order-service', port: 8080 }],
          },
        ],
      },
      tags: { owner: 'team-orders' },
    })
    .service('mysql', {
      cluster: 'web',
      registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
      tags: { owner: 'team-web' },
    })
    .build();
  const other = scope('222222222222', 'eu-west-1')
    .namespace('data.internal', 'DNS_PRIVATE')
    .cloudMapService('analytics', 'data.internal')
    .service('analytics', {
      cluster: 'data',
      registries: [
        { cloudMapService: 'analytics', namespace: 'data.internal' },
      ],
      tags: { owner: 'team-data' },
    })
    .build();
  return [eu, other];
}

function statusOf(snapshot: ScopeSnapshot): ScopeStatus {
  return {
    accountId: snapshot.accountId,
    region: snapshot.region,
    lastSuccessAt: snapshot.readAt,
    consecutiveFailures: 0,
    stale: false,
    calls: {},
    counts: {
      services: snapshot.services.length,
      namespaces: snapshot.namespaces.length,
      taskDefinitions: snapshot.taskDefinitions.length,
    },
  };
}

/**
 * discoveryApi and fetchApi that serve the snapshots as the backend does:
 * analysed at /network, the sync state at /status, as one page at
 * /snapshots.
 */
export function networkApis(snapshots: ScopeSnapshot[] = testSnapshots()) {
  const status: StatusResponse = {
    generation: 1,
    scopes: snapshots.map(statusOf),
  };
  const network: NetworkResponse = {
    ...status,
    ...analyzeNetwork(snapshots),
  };
  const page: SnapshotsResponse = {
    generation: 1,
    total: snapshots.length,
    items: snapshots,
  };
  const routes: Record<string, unknown> = {
    '/network': network,
    '/status': status,
    [`/snapshots?offset=0&limit=100`]: page,
  };
  const requests: string[] = [];
  return {
    requests,
    discoveryApi: {
      getBaseUrl: async (pluginId: string) =>
        `http://backend.test/api/${pluginId}`,
    },
    fetchApi: {
      fetch: async (input: RequestInfo | URL) => {
        const url = String(input);
        requests.push(url);
        const body =
          routes[url.replace('http://backend.test/api/ecs-networking', '')];
        if (body) {
          return new Response(JSON.stringify(body), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          });
        }
        return new Response(
          '{"error":{"name":"NotFoundError","message":"nope"}}',
          {
            status: 404,
            headers: { 'content-type': 'application/json' },
          },
        );
      },
    },
  };
}

/** The Service Connect template's form as a person fills it in. */
export function serviceConnectForm(): Record<string, unknown> {
  return {
    name: 'cart-service',
    owner: 'group:default/team-orders',
    lifecycle: 'production',
    accountId: '111111111111',
    region: 'eu-west-1',
    cluster: 'shop',
    networkMode: 'awsvpc',
    containerPort: 8080,
    portName: 'http',
    useClusterDefaultNamespace: true,
    aliasPort: 8080,
  };
}
