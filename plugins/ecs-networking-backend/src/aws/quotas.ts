/**
 * Published AWS request quotas (token buckets per account and region) for the
 * read APIs this plugin calls. The reader paces itself under them instead of
 * relying on throttling errors, which would otherwise also slow every other
 * tool reading the same account.
 */
export interface Quota {
  /** Bucket size: requests allowed at once after idle. */
  burst: number;
  /** Refill rate, requests per second. */
  rate: number;
}

const FAMILIES: Record<string, { quota: Quota; operations: string[] }> = {
  'ecs-cluster-read': {
    quota: { burst: 50, rate: 20 },
    operations: ['ListClustersCommand', 'DescribeClustersCommand'],
  },
  'ecs-service-read': {
    quota: { burst: 100, rate: 20 },
    operations: ['ListServicesCommand', 'DescribeServicesCommand'],
  },
  'ecs-cluster-resource-read': {
    quota: { burst: 100, rate: 20 },
    operations: ['ListTasksCommand', 'DescribeTasksCommand'],
  },
  'ecs-task-definition-read': {
    quota: { burst: 50, rate: 20 },
    operations: ['DescribeTaskDefinitionCommand', 'ListTaskDefinitionsCommand'],
  },
  'ecs-services-by-namespace': {
    quota: { burst: 10, rate: 1 },
    operations: ['ListServicesByNamespaceCommand'],
  },
};

/** Cloud Map control-plane reads share an undocumented-per-API budget; stay modest. */
const DEFAULT_FAMILY = { name: 'other', quota: { burst: 50, rate: 20 } };

const byOperation = new Map<string, { name: string; quota: Quota }>();
for (const [name, { quota, operations }] of Object.entries(FAMILIES)) {
  for (const operation of operations) byOperation.set(operation, { name, quota });
}

export function quotaFamily(commandName: string): { name: string; quota: Quota } {
  return byOperation.get(commandName) ?? DEFAULT_FAMILY;
}
