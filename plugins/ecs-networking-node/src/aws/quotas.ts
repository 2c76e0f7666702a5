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
    operations: ['ecs:ListClusters', 'ecs:DescribeClusters'],
  },
  'ecs-service-read': {
    quota: { burst: 100, rate: 20 },
    operations: ['ecs:ListServices', 'ecs:DescribeServices'],
  },
  'ecs-cluster-resource-read': {
    quota: { burst: 100, rate: 20 },
    operations: ['ecs:ListTasks', 'ecs:DescribeTasks'],
  },
  'ecs-task-definition-read': {
    quota: { burst: 50, rate: 20 },
    operations: ['ecs:DescribeTaskDefinition'],
  },
  // AWS publishes no per-API figure for Cloud Map's control-plane reads;
  // they share one bucket shaped like ECS cluster reads.
  'cloudmap-read': {
    quota: { burst: 50, rate: 20 },
    operations: [
      'servicediscovery:ListNamespaces',
      'servicediscovery:ListServices',
      'servicediscovery:ListInstances',
      'servicediscovery:GetInstancesHealthStatus',
      'servicediscovery:ListTagsForResource',
    ],
  },
  'cloudwatch-list-metrics': {
    quota: { burst: 25, rate: 25 },
    operations: ['cloudwatch:ListMetrics'],
  },
};

/** Anything else (ELB describes): a small, cautious budget. */
const DEFAULT_FAMILY = { name: 'other-read', quota: { burst: 10, rate: 10 } };

const byOperation = new Map<string, { name: string; quota: Quota }>();
for (const [name, { quota, operations }] of Object.entries(FAMILIES)) {
  for (const operation of operations) byOperation.set(operation, { name, quota });
}

/** `operation` is `service:Operation`, e.g. `ecs:DescribeServices`. */
export function quotaFamily(operation: string): { name: string; quota: Quota } {
  return byOperation.get(operation) ?? DEFAULT_FAMILY;
}
