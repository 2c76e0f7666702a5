/** A bucket's size and how many tokens it regains per second. */
export interface BucketQuota {
  burst: number;
  refillPerSecond: number;
}

export interface QuotaFamily {
  service: 'ecs' | 'servicediscovery';
  operations: string[];
  quota: BucketQuota;
}

/**
 * The API families AWS throttles together, each with one bucket per
 * account × region. ECS figures are the published request-throttling quotas;
 * Cloud Map publishes DiscoverInstances (1,000/s steady, 2,000 burst) and
 * only a shared figure for its control-plane reads, for which the ECS
 * cluster-read shape (50 burst, 20/s) is used so full-estate scans pace
 * themselves the way they must against the real service. Write APIs are not
 * throttled.
 */
export const API_QUOTAS = {
  ecsClusterRead: {
    service: 'ecs',
    operations: ['DescribeClusters', 'ListClusters'],
    quota: { burst: 50, refillPerSecond: 20 },
  },
  ecsServiceRead: {
    service: 'ecs',
    operations: ['DescribeServices', 'ListServices'],
    quota: { burst: 100, refillPerSecond: 20 },
  },
  ecsClusterResourceRead: {
    service: 'ecs',
    operations: [
      'DescribeTasks',
      'ListTasks',
      'DescribeContainerInstances',
      'ListContainerInstances',
    ],
    quota: { burst: 100, refillPerSecond: 20 },
  },
  ecsTaskDefinitionRead: {
    service: 'ecs',
    operations: [
      'DescribeTaskDefinition',
      'ListTaskDefinitions',
      'ListTaskDefinitionFamilies',
    ],
    quota: { burst: 50, refillPerSecond: 20 },
  },
  ecsListServicesByNamespace: {
    service: 'ecs',
    operations: ['ListServicesByNamespace'],
    quota: { burst: 10, refillPerSecond: 1 },
  },
  cloudMapDiscoverInstances: {
    service: 'servicediscovery',
    operations: ['DiscoverInstances', 'DiscoverInstancesRevision'],
    quota: { burst: 2000, refillPerSecond: 1000 },
  },
  cloudMapRead: {
    service: 'servicediscovery',
    operations: [
      'ListNamespaces',
      'ListServices',
      'ListInstances',
      'GetNamespace',
      'GetService',
      'GetInstance',
      'GetInstancesHealthStatus',
      'GetOperation',
      'ListOperations',
      'ListTagsForResource',
    ],
    quota: { burst: 50, refillPerSecond: 20 },
  },
} satisfies Record<string, QuotaFamily>;

export type QuotaFamilyName = keyof typeof API_QUOTAS;

const familyByOperation = new Map<string, QuotaFamilyName>();
for (const [name, family] of Object.entries(API_QUOTAS) as Array<
  [QuotaFamilyName, QuotaFamily]
>) {
  for (const operation of family.operations) {
    familyByOperation.set(`${family.service}:${operation}`, name);
  }
}

export function quotaFamilyOf(
  service: string,
  operation: string,
): QuotaFamilyName | undefined {
  return familyByOperation.get(`${service}:${operation}`);
}
