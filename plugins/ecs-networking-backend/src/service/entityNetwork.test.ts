import { Entity } from '@backstage/catalog-model';
import {
  analyzeNetwork,
  ANNOTATIONS,
  createLookupIndex,
  ENTITY_TYPES,
  ScopeSnapshot,
} from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';
import { entityNetwork } from './entityNetwork';
import type { NetworkView } from './NetworkService';
import { buildIndexes } from './networkIndexes';

function viewFrom(snapshot: ScopeSnapshot): NetworkView {
  const model = analyzeNetwork([snapshot]);
  return {
    generation: 1,
    statuses: [],
    model,
    lookup: createLookupIndex(model, [snapshot]),
    indexes: buildIndexes([snapshot], model),
  };
}

function viewOf() {
  const snapshot = scope('111111111111', 'eu-west-1')
    .namespace('app')
    .namespace('old')
    .cloudMapService('mysql', 'app', { records: [{ type: 'A', ttl: 300 }], customHealthCheck: true })
    .service('mysql', {
      cluster: 'web',
      containers: [{ name: 'mysql', ports: [{ name: 'mysql', containerPort: 3306 }] }],
      registries: [{ cloudMapService: 'mysql', namespace: 'app' }],
      tags: { owner: 'team-web', component: 'shop-db' },
      taskIps: ['10.0.0.5'],
    })
    .service('app', {
      cluster: 'web',
      containers: [{ environment: { DB: 'jdbc:mysql://mysql.app:3306/x' } }],
      tags: { owner: 'team-web' },
    })
    .build();
  const view = viewFrom(snapshot);
  const { model } = view;
  const namespace = (name: string) => model.namespaces.find(n => n.name === name)!;
  return { view, mysql: model.services.find(s => s.name === 'mysql')!, namespace };
}

function resource(annotations: Record<string, string>, type = 'ecs-service'): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind: 'Resource', metadata: { name: 'x', annotations }, spec: { type } };
}

function namespaceResource(arn: string): Entity {
  return resource({ [ANNOTATIONS.namespaceArn]: arn }, ENTITY_TYPES.cloudMapNamespace);
}

describe('entityNetwork', () => {
  it('includes findings raised on the Cloud Map services a service registers into', () => {
    const { view, mysql } = viewOf();
    const network = entityNetwork(view, resource({ [ANNOTATIONS.serviceArn]: mysql.arn }));
    expect(network.findings.map(f => f.ruleId)).toContain('dns-ttl-too-high');
    expect(network.inbound.map(e => e.from.split('/').pop())).toEqual(['app']);
    expect(network.services[0].tasks).toEqual([{ ip: '10.0.0.5', health: 'UNKNOWN' }]);
  });

  it('resolves a Component through the services tagged with it', () => {
    const { view, mysql } = viewOf();
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'shop-db', namespace: 'default' },
    };
    expect(entityNetwork(view, component).services.map(s => s.arn)).toEqual([mysql.arn]);
  });

  it("serves a namespace's endpoints and the services answering on them, without edges", () => {
    const { view, mysql, namespace } = viewOf();
    const network = entityNetwork(view, namespaceResource(namespace('app').arn));
    expect(network.endpoints.map(e => e.name)).toEqual(['mysql.app']);
    expect(network.services.map(s => s.arn)).toEqual([mysql.arn]);
    expect(network.services[0].tasks).toHaveLength(1);
    expect(network.inbound).toEqual([]);
    expect(network.outbound).toEqual([]);
    // Findings about the namespace only, not about the services in it.
    expect(network.findings).toEqual([]);
  });

  it('includes the Service Connect services that only call through the namespace', () => {
    const snapshot = scope('111111111111', 'eu-west-1')
      .namespace('sc.local', 'HTTP')
      .cluster('shop', { defaultNamespace: 'sc.local' })
      .service('orders', {
        cluster: 'shop',
        serviceConnect: {
          services: [{ portName: 'http', discoveryName: 'orders', clientAliases: [{ dnsName: 'orders', port: 8080 }] }],
        },
      })
      .service('web', { cluster: 'shop', serviceConnect: { services: [] } })
      .build();
    const view = viewFrom(snapshot);
    const network = entityNetwork(view, namespaceResource(view.model.namespaces[0].arn));
    expect(network.endpoints.map(e => e.name)).toEqual(['orders:8080']);
    expect(network.services.map(s => s.name).sort()).toEqual(['orders', 'web']);
  });

  it("serves an unused namespace's own findings", () => {
    const { view, namespace } = viewOf();
    const network = entityNetwork(view, namespaceResource(namespace('old').arn));
    expect(network.endpoints).toEqual([]);
    expect(network.findings.map(f => f.ruleId)).toEqual(['namespace-unused']);
  });

  it('reads the namespace annotation as a namespace only on namespace Resources', () => {
    // Endpoint APIs carry the namespace too; they stand for their service.
    const { view, mysql, namespace } = viewOf();
    const endpointApi = resource(
      { [ANNOTATIONS.namespaceArn]: namespace('app').arn, [ANNOTATIONS.serviceArn]: mysql.arn },
      'ecs-service',
    );
    expect(entityNetwork(view, endpointApi).inbound).toHaveLength(1);
  });

  it('returns nothing for an entity it does not know', () => {
    const { view } = viewOf();
    const network = entityNetwork(view, resource({ [ANNOTATIONS.serviceArn]: 'arn:aws:ecs:x:1:service/c/none' }));
    expect(network).toEqual({
      generation: view.generation,
      services: [],
      endpoints: [],
      inbound: [],
      outbound: [],
      findings: [],
      scopes: [],
    });
  });
});
