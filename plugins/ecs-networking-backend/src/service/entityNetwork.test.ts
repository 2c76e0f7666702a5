import { Entity } from '@backstage/catalog-model';
import { analyzeNetwork, ANNOTATIONS, createLookupIndex } from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';
import { entityNetwork } from './entityNetwork';
import type { NetworkView } from './NetworkService';
import { buildIndexes } from './networkIndexes';

function viewOf() {
  const snapshot = scope('111111111111', 'eu-west-1')
    .namespace('app')
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
  const model = analyzeNetwork([snapshot]);
  const view: NetworkView = {
    generation: 1,
    statuses: [],
    model,
    lookup: createLookupIndex(model, [snapshot]),
    indexes: buildIndexes([snapshot], model),
  };
  return { view, mysql: model.services.find(s => s.name === 'mysql')! };
}

function resource(annotations: Record<string, string>): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind: 'Resource', metadata: { name: 'x', annotations } };
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

  it('returns nothing for an entity it does not know', () => {
    const { view } = viewOf();
    const network = entityNetwork(view, resource({ [ANNOTATIONS.serviceArn]: 'arn:aws:ecs:x:1:service/c/none' }));
    expect(network).toEqual({ services: [], endpoints: [], inbound: [], outbound: [], findings: [], scopes: [] });
  });
});
