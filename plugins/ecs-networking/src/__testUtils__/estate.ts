import type { Entity } from '@backstage/catalog-model';
import {
  analyzeNetwork,
  ANNOTATIONS,
  ENTITY_TYPES,
  EntityNetworkResponse,
  ModelService,
  NetworkModel,
  NetworkResponse,
  ScopeSnapshot,
  ScopeStatus,
  findingSubjectsOf,
} from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';

export const HOSTILE = '<img src=x onerror=alert(1)>';

/**
 * A small shop: web and a batch job call orders over Service Connect (the
 * batch job without Service Connect, so it cannot), orders calls users over
 * Service Connect and mysql through Service Discovery DNS.
 */
export function shopSnapshots(): ScopeSnapshot[] {
  const shop = scope('111111111111', 'eu-west-1')
    .namespace('sc.local', 'HTTP')
    .namespace('app', 'DNS_PRIVATE')
    .cluster('shop', { defaultNamespace: 'sc.local' })
    .cloudMapService('mysql', 'app', {
      records: [{ type: 'A', ttl: 300 }],
      instances: [
        { id: 'i-1', ipv4: '10.0.3.7', port: 3306, health: 'HEALTHY' },
      ],
    })
    .service('order-service', {
      cluster: 'shop',
      serviceConnect: {
        services: [
          {
            portName: 'http',
            discoveryName: 'orders',
            clientAliases: [{ dnsName: 'orders', port: 8080 }],
            tls: {
              certificateAuthorityArn:
                'arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/shop-ca',
            },
            // No per-request timeout: its port has no appProtocol (TCP),
            // where that is a finding the page tests do not count.
            timeout: { idleTimeoutSeconds: 600 },
          },
        ],
        accessLog: { format: 'JSON' },
        logDriver: 'awslogs',
      },
      containers: [
        {
          environment: {
            USER_SERVICE_URL: 'http://user-service:8080',
            DB_HOST: 'mysql.app:3306',
          },
        },
      ],
      tags: { owner: 'team-orders', component: 'order-service' },
      taskIps: ['10.0.1.10', '10.0.1.11'],
      taskHealth: 'HEALTHY',
    })
    .service('user-service', {
      cluster: 'shop',
      serviceConnect: {
        services: [
          {
            portName: 'http',
            discoveryName: 'user-service',
            clientAliases: [{ dnsName: 'user-service', port: 8080 }],
          },
        ],
      },
      tags: { owner: 'team-identity' },
      taskIps: ['10.0.2.20'],
      taskHealth: 'UNHEALTHY',
    })
    .service('mysql', {
      cluster: 'shop',
      registries: [{ cloudMapService: 'mysql', namespace: 'app', port: 3306 }],
      tags: { owner: HOSTILE },
      taskIps: ['10.0.3.7'],
    })
    .service('web', {
      cluster: 'shop',
      serviceConnect: { services: [] },
      containers: [{ environment: { ORDERS_URL: 'http://orders:8080' } }],
      tags: { owner: 'team-web' },
    })
    .service('nightly-batch', {
      cluster: 'jobs',
      containers: [{ command: ['run', '--orders', 'http://orders:8080'] }],
      tags: { owner: 'team-orders' },
    });
  return [shop.build()];
}

export function shopModel(): NetworkModel {
  return analyzeNetwork(shopSnapshots());
}

export function serviceNamed(model: NetworkModel, name: string): ModelService {
  const service = model.services.find(s => s.name === name);
  if (!service) throw new Error(`No service ${name} in the test estate`);
  return service;
}

export function scopeStatus(overrides: Partial<ScopeStatus> = {}): ScopeStatus {
  return {
    accountId: '111111111111',
    region: 'eu-west-1',
    lastSuccessAt: '2026-01-01T14:02:00.000Z',
    consecutiveFailures: 0,
    stale: false,
    calls: {},
    counts: { services: 5, namespaces: 2, taskDefinitions: 5 },
    ...overrides,
  };
}

/** What `GET /entities/...` answers for an entity standing for these services. */
export function entityNetworkOf(
  model: NetworkModel,
  snapshots: ScopeSnapshot[],
  serviceNames: string[],
  scopes: ScopeStatus[] = [scopeStatus()],
): EntityNetworkResponse {
  const services = serviceNames.map(name => serviceNamed(model, name));
  const arns = new Set(services.map(s => s.arn));
  const raw = new Map(snapshots.flatMap(s => s.services.map(svc => [svc.arn, svc])));
  const live = services.map(s => ({
    ...s,
    tasks: raw.get(s.arn)!.tasks,
    findingSubjects: findingSubjectsOf(s),
  }));
  const subjects = new Set(live.flatMap(s => s.findingSubjects));
  return {
    generation: 1,
    services: live,
    endpoints: model.endpoints.filter(e => arns.has(e.serviceArn)),
    inbound: model.edges.filter(e => arns.has(e.to)),
    outbound: model.edges.filter(e => arns.has(e.from)),
    findings: model.findings.filter(f => subjects.has(f.subject.arn)),
    scopes,
  };
}

/** What `GET /entities/...` answers for a namespace Resource. */
export function namespaceNetworkOf(
  model: NetworkModel,
  namespaceName: string,
  scopes: ScopeStatus[] = [scopeStatus()],
): EntityNetworkResponse {
  const namespace = model.namespaces.find(n => n.name === namespaceName);
  if (!namespace) throw new Error(`No namespace ${namespaceName} in the test estate`);
  const endpoints = model.endpoints.filter(e => e.namespace?.arn === namespace.arn);
  const arns = new Set(endpoints.map(e => e.serviceArn));
  for (const service of model.services) {
    if (service.serviceConnect && service.serviceConnectNamespace === namespace.arn) arns.add(service.arn);
  }
  return {
    generation: 1,
    services: model.services
      .filter(s => arns.has(s.arn))
      .map(s => ({ ...s, tasks: [], findingSubjects: [s.arn] })),
    endpoints,
    inbound: [],
    outbound: [],
    findings: model.findings.filter(f => f.subject.arn === namespace.arn),
    scopes,
  };
}

/** The catalog Resource the provider writes for a namespace. */
export function namespaceResource(model: NetworkModel, namespaceName: string): Entity {
  const namespace = model.namespaces.find(n => n.name === namespaceName)!;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${namespaceName.replace(/[^a-z0-9]+/g, '-')}-euw1-1111`,
      title: namespaceName,
      annotations: { [ANNOTATIONS.namespaceArn]: namespace.arn },
    },
    spec: { type: ENTITY_TYPES.cloudMapNamespace, owner: 'team-platform' },
  };
}

export function networkResponse(
  model: NetworkModel,
  scopes: ScopeStatus[] = [scopeStatus()],
): NetworkResponse {
  return { ...model, generation: 1, scopes };
}

/** The catalog Resource the provider writes for a service. */
export function serviceResource(service: ModelService): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${service.name}-${service.cluster}-euw1-1111`,
      title: service.name,
      annotations: { [ANNOTATIONS.serviceArn]: service.arn },
    },
    spec: { type: ENTITY_TYPES.ecsService, owner: 'team-a' },
  };
}

/**
 * An estate of `count` services spread over Service Connect namespaces of 50
 * services each, every service calling the previous one; every tenth has no
 * owner tag.
 */
export function largeModel(count: number): NetworkModel {
  const builder = scope('333333333333', 'us-east-1');
  for (let i = 0; i < count; i++) {
    const namespace = `ns-${Math.floor(i / 50)}.local`;
    builder.service(`svc-${String(i).padStart(4, '0')}`, {
      cluster: `cluster-${i % 7}`,
      serviceConnect: {
        namespace,
        services: [
          {
            portName: 'http',
            discoveryName: `svc-${i}`,
            clientAliases: [{ dnsName: `svc-${i}`, port: 8080 }],
          },
        ],
      },
      containers:
        i % 50 === 0
          ? [{}]
          : [{ environment: { NEXT_URL: `http://svc-${i - 1}:8080` } }],
      tags: i % 10 === 0 ? {} : { owner: `team-${i % 13}` },
    });
  }
  return analyzeNetwork([builder.build()]);
}
