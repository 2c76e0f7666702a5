import { hexId } from '../util/ids';
import { createRandom } from '../util/random';
import {
  Estate,
  EstateAccount,
  EstateCloudMapService,
  EstateCluster,
  EstateNamespace,
  EstateRegion,
  EstateService,
  EstateTaskDefinition,
} from './types';

/** @public */
export interface GenerateEstateOptions {
  /** Total ECS services, spread evenly over accounts × regions. */
  services: number;
  /** Total ECS clusters (at least one per account × region). Default 1 per account × region. */
  clusters?: number;
  /** How many regions each account uses (1–8). Default 1. */
  regions?: number;
  /** How many accounts. Default 1. */
  accounts?: number;
  /** Revisions registered per task definition family; services run the latest. Default 1. */
  taskDefinitions?: number;
  /** Namespace pairs (one HTTP for Service Connect, one private DNS) per account × region. Default 1. */
  namespaces?: number;
  /** Tasks per service. Default 2. */
  instancesPerService?: number;
  /**
   * Cloud Map services of hosts outside ECS (EC2, on premises), registered
   * by hand with three instances each, spread over account × regions. Default 0.
   */
  externalServices?: number;
  /** Same seed, same estate. Default 1. */
  seed?: number;
}

const REGIONS = [
  'eu-west-1',
  'us-east-1',
  'eu-central-1',
  'us-west-2',
  'ap-southeast-1',
  'eu-north-1',
  'ap-northeast-1',
  'sa-east-1',
];
const HTTP_WORDS = [
  'orders',
  'users',
  'catalog',
  'payments',
  'inventory',
  'shipping',
  'reviews',
  'cart',
  'checkout',
  'billing',
  'auth',
  'notifications',
  'pricing',
  'recommendations',
  'profile',
  'media',
];
const SD_WORDS = ['db', 'cache', 'search', 'ledger', 'legacy'];
const TEAMS = [
  'team-identity',
  'team-catalog',
  'team-orders',
  'team-payments',
  'team-data',
  'team-web',
  'team-platform',
  'team-growth',
];
const SYSTEMS = ['shop', 'web', 'data-platform', 'fulfilment', 'identity'];

type Kind =
  | 'serviceConnect'
  | 'discoveryA'
  | 'discoverySrv'
  | 'both'
  | 'plain'
  | 'appMesh';

/** Where one generated service can be reached, for other services' env vars to point at. */
interface Endpoint {
  url: string;
}

interface PartitionPlan {
  accountId: string;
  region: string;
  index: number;
  contents: EstateRegion;
  subnets: string[];
  clusters: EstateCluster[];
  scNamespaces: string[];
  dnsNamespaces: string[];
  endpoints: Endpoint[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function kindFor(roll: number): Kind {
  if (roll < 0.5) return 'serviceConnect';
  if (roll < 0.68) return 'discoveryA';
  if (roll < 0.75) return 'discoverySrv';
  if (roll < 0.87) return 'both';
  if (roll < 0.97) return 'plain';
  return 'appMesh';
}

function sdPort(word: string): { port: number; url: (host: string) => string } {
  switch (word) {
    case 'db':
      return { port: 3306, url: host => `jdbc:mysql://${host}:3306/x` };
    case 'cache':
      return { port: 6379, url: host => `redis://${host}:6379/0` };
    default:
      return { port: 8080, url: host => `http://${host}:8080/api` };
  }
}

function planPartition(
  accountId: string,
  region: string,
  index: number,
  options: Required<GenerateEstateOptions>,
  clusterCount: number,
): PartitionPlan {
  const vpcId = `vpc-${hexId(17, 'synthetic-vpc', accountId, region)}`;
  // Three /18s per account × region: room for 16,000 tasks in each.
  const subnets = [0, 64, 128].map((third, i) => ({
    id: `subnet-${hexId(17, 'synthetic-subnet', accountId, region, i)}`,
    cidr: `10.${index}.${third}.0/18`,
    availabilityZone: `${region}${'abc'[i]}`,
    vpcId,
  }));
  const namespaces: EstateNamespace[] = [];
  const scNamespaces: string[] = [];
  const dnsNamespaces: string[] = [];
  for (let n = 0; n < options.namespaces; n++) {
    const suffix = n === 0 ? '' : `-${n + 1}`;
    scNamespaces.push(`sc${suffix}.local`);
    dnsNamespaces.push(`app${suffix}`);
    namespaces.push({
      name: `sc${suffix}.local`,
      type: 'HTTP',
      tags: { owner: 'team-platform' },
    });
    namespaces.push({
      name: `app${suffix}`,
      type: 'DNS_PRIVATE',
      vpc: vpcId,
      tags: { owner: 'team-platform' },
    });
  }
  const clusters: EstateCluster[] = Array.from(
    { length: clusterCount },
    (_, c) => ({
      name: `cluster-${c + 1}`,
      serviceConnectDefaults: {
        namespace: scNamespaces[c % scNamespaces.length],
      },
      containerInstances: { count: 2, subnets: subnets.map(s => s.id) },
      tags: { system: SYSTEMS[c % SYSTEMS.length] },
    }),
  );
  return {
    accountId,
    region,
    index,
    contents: {
      subnets,
      namespaces,
      clusters,
      cloudMapServices: [],
      taskDefinitions: [],
      services: [],
      loadBalancers: [
        { name: 'edge', subnets: subnets.map(s => s.id), targetGroups: [] },
      ],
    },
    subnets: subnets.map(s => s.id),
    clusters,
    scNamespaces,
    dnsNamespaces,
    endpoints: [],
  };
}

function appMeshParts(name: string, region: string, accountId: string) {
  return {
    proxyConfiguration: {
      type: 'APPMESH',
      containerName: 'envoy',
      properties: [
        { name: 'IgnoredUID', value: '1337' },
        { name: 'ProxyIngressPort', value: '15000' },
        { name: 'ProxyEgressPort', value: '15001' },
        { name: 'AppPorts', value: '8080' },
      ],
    },
    envoy: {
      name: 'envoy',
      image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod',
      user: '1337',
      essential: true,
      environment: [
        {
          name: 'APPMESH_RESOURCE_ARN',
          value: `arn:aws:appmesh:${region}:${accountId}:mesh/mesh-1/virtualNode/${name}`,
        },
      ],
    },
  };
}

/**
 * Generates a large, realistic estate deterministically from `seed`: Service
 * Connect services with aliases, Service Discovery services (A records on
 * awsvpc, SRV on bridge), services in both, environment variables pointing at
 * other services' endpoints, owner/system tags (a few missing) and a few App
 * Mesh task definitions.
 *
 * @public
 */
export function generateEstate(input: GenerateEstateOptions): Estate {
  const options: Required<GenerateEstateOptions> = {
    clusters: 0,
    regions: 1,
    accounts: 1,
    taskDefinitions: 1,
    namespaces: 1,
    instancesPerService: 2,
    externalServices: 0,
    seed: 1,
    ...input,
  };
  if (options.regions < 1 || options.regions > REGIONS.length) {
    throw new Error(`regions must be between 1 and ${REGIONS.length}`);
  }
  if (
    options.accounts < 1 ||
    options.namespaces < 1 ||
    options.taskDefinitions < 1
  ) {
    throw new Error(
      'accounts, namespaces and taskDefinitions must be at least 1',
    );
  }
  const random = createRandom(options.seed);
  const partitionCount = options.accounts * options.regions;
  if (partitionCount > 255) {
    throw new Error('at most 255 account × region combinations are supported');
  }
  const accounts: EstateAccount[] = [];
  const plans: PartitionPlan[] = [];
  for (let a = 0; a < options.accounts; a++) {
    const accountId = `3${String(a + 1).padStart(11, '0')}`;
    const account: EstateAccount = {
      id: accountId,
      name: `synthetic-${a + 1}`,
      accessKeys: [
        { id: `AKIASYNT${accountId}`, secret: 'synthetic', user: 'synthetic' },
      ],
      roles: [{ name: 'ecs-networking-reader' }],
      regions: {},
    };
    for (let r = 0; r < options.regions; r++) {
      const index = plans.length;
      const clusterCount = Math.max(
        1,
        Math.floor(options.clusters / partitionCount) +
          (index < options.clusters % partitionCount ? 1 : 0),
      );
      const plan = planPartition(
        accountId,
        REGIONS[r],
        index,
        options,
        clusterCount,
      );
      account.regions![REGIONS[r]] = plan.contents;
      plans.push(plan);
    }
    accounts.push(account);
  }

  for (let i = 0; i < options.services; i++) {
    const plan = plans[i % plans.length];
    const kind = kindFor(random());
    const sd =
      kind === 'discoveryA' || kind === 'discoverySrv' || kind === 'both';
    const word =
      sd && kind !== 'both' ? pick(random, SD_WORDS) : pick(random, HTTP_WORDS);
    const name = `${word}-${i + 1}`;
    const cluster =
      plan.clusters[Math.floor(i / plans.length) % plan.clusters.length];
    const bridge = kind === 'discoverySrv';
    const { port, url } = sd
      ? sdPort(word)
      : { port: 8080, url: (host: string) => `http://${host}:8080/api` };
    const grpc = !sd && random() < 0.1;
    const portMapping = grpc
      ? {
          name: 'grpc',
          containerPort: 50051,
          protocol: 'tcp',
          appProtocol: 'grpc',
        }
      : {
          name: port === 8080 ? 'http' : word,
          containerPort: port,
          protocol: 'tcp',
          ...(port === 8080 ? { appProtocol: 'http' } : {}),
          ...(bridge ? { hostPort: 0 } : {}),
        };

    const environment = [{ name: 'SERVICE_NAME', value: name }];
    const refs = Math.floor(random() * 4);
    for (let r = 0; r < refs && plan.endpoints.length > 0; r++) {
      const target = pick(random, plan.endpoints);
      environment.push({ name: `DEP_${r + 1}_URL`, value: target.url });
    }

    const mesh =
      kind === 'appMesh'
        ? appMeshParts(name, plan.region, plan.accountId)
        : undefined;
    const containerDefinitions: Array<
      Record<string, unknown> & { name: string }
    > = [
      {
        name,
        image: `public.ecr.aws/synthetic/${word}:1.${i % 10}.0`,
        cpu: 256,
        memory: 512,
        portMappings: [portMapping],
        environment,
      },
    ];
    if (mesh) containerDefinitions.push(mesh.envoy);
    for (let rev = 0; rev < options.taskDefinitions; rev++) {
      const td: EstateTaskDefinition = {
        family: name,
        networkMode: bridge ? 'bridge' : 'awsvpc',
        requiresCompatibilities: [bridge ? 'EC2' : 'FARGATE'],
        ...(bridge ? {} : { cpu: '256', memory: '512' }),
        containerDefinitions,
        ...(mesh ? { proxyConfiguration: mesh.proxyConfiguration } : {}),
      };
      plan.contents.taskDefinitions!.push(td);
    }

    const tags: Record<string, string> = {
      system: SYSTEMS[i % SYSTEMS.length],
      component: name,
    };
    if (random() > 0.03) tags.owner = pick(random, TEAMS);
    const service: EstateService = {
      name,
      cluster: cluster.name,
      taskDefinition: name,
      desiredCount: options.instancesPerService,
      launchType: bridge ? 'EC2' : 'FARGATE',
      tags,
    };
    if (!bridge) {
      service.networkConfiguration = {
        awsvpcConfiguration: {
          subnets: plan.subnets,
          securityGroups: [
            `sg-${hexId(17, 'synthetic-sg', plan.accountId, plan.region)}`,
          ],
          assignPublicIp: 'DISABLED',
        },
      };
    }
    if (kind === 'serviceConnect' || kind === 'both' || kind === 'appMesh') {
      const clientOnly = kind === 'appMesh';
      service.serviceConnectConfiguration = clientOnly
        ? { enabled: true }
        : {
            enabled: true,
            services: [
              {
                portName: portMapping.name,
                discoveryName: name,
                clientAliases: [
                  { port: portMapping.containerPort, dnsName: name },
                ],
              },
            ],
          };
      if (!clientOnly) {
        plan.endpoints.push({
          url: grpc ? `grpc://${name}:50051` : `http://${name}:8080/api`,
        });
      }
    }
    if (sd) {
      const namespace = plan.dnsNamespaces[i % plan.dnsNamespaces.length];
      const ttl = random() < 0.05 ? 300 : pick(random, [10, 15, 60]);
      const cloudMapService: EstateCloudMapService = {
        namespace,
        name,
        dnsConfig: {
          routingPolicy: 'MULTIVALUE',
          dnsRecords: [{ type: bridge ? 'SRV' : 'A', ttl }],
        },
        healthCheckCustomConfig: { failureThreshold: 1 },
      };
      plan.contents.cloudMapServices!.push(cloudMapService);
      service.serviceRegistries = [
        bridge
          ? {
              namespace,
              service: name,
              containerName: name,
              containerPort: port,
            }
          : { namespace, service: name },
      ];
      plan.endpoints.push({ url: url(`${name}.${namespace}`) });
    }
    if (kind === 'plain' && random() < 0.5) {
      const targetGroupArn = `arn:aws:elasticloadbalancing:${plan.region}:${
        plan.accountId
      }:targetgroup/${name}/${hexId(16, 'synthetic-tg', name)}`;
      plan.contents.loadBalancers![0].targetGroups!.push({
        name,
        arn: targetGroupArn,
        port,
      });
      service.loadBalancers = [
        { targetGroupArn, containerName: name, containerPort: port },
      ];
    }
    plan.contents.services!.push(service);
  }
  // After the services, and without the random sequence: the rest of the
  // estate is the same whatever their number.
  for (let k = 0; k < options.externalServices; k++) {
    plans[k % plans.length].contents.cloudMapServices!.push(
      externalService(plans[k % plans.length], k),
    );
  }
  return { accounts };
}

/** Hosts outside the subnets ECS places tasks in, half of them health-checked. */
function externalService(
  plan: PartitionPlan,
  k: number,
): EstateCloudMapService {
  // 10.<plan>.192.0/18, above the subnets' three /18s.
  const address = (n: number) =>
    `10.${plan.index}.${192 + (Math.floor(n / 254) % 64)}.${(n % 254) + 1}`;
  return {
    namespace: plan.dnsNamespaces[k % plan.dnsNamespaces.length],
    name: `host-${k + 1}`,
    description: 'Hosts registered by hand',
    dnsConfig: {
      routingPolicy: 'MULTIVALUE',
      dnsRecords: [{ type: 'A', ttl: 60 }],
    },
    ...(k % 2 === 0
      ? { healthCheckCustomConfig: { failureThreshold: 1 } }
      : {}),
    instances: [0, 1, 2].map(h => ({
      id: `i-${hexId(17, 'synthetic-host', plan.accountId, plan.region, k, h)}`,
      attributes: {
        AWS_INSTANCE_IPV4: address(k * 3 + h),
        AWS_INSTANCE_PORT: '8080',
      },
    })),
  };
}
