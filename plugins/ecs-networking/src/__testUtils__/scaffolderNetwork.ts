import {
  analyzeNetwork,
  type NetworkResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';

/** Two accounts' worth of network, as GET /network serves it, for the scaffolder field tests. */
export function testNetwork(): NetworkResponse {
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
  return { generation: 1, scopes: [], ...analyzeNetwork([eu, other]) };
}

/** discoveryApi and fetchApi that serve `network` at /api/ecs-networking/network. */
export function networkApis(network: NetworkResponse = testNetwork()) {
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
        if (url === 'http://backend.test/api/ecs-networking/network') {
          return new Response(JSON.stringify(network), {
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
