import {
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { EcsServiceInfo } from '@ecs-net/plugin-ecs-networking-common';
import { chunk, mapLimited } from './paging';

/** DescribeTargetGroups and DescribeLoadBalancers take at most 20 ARNs. */
const BATCH = 20;

/**
 * Fills `dnsName` on the services' load balancers: target group → load
 * balancer → DNS name, the name callers outside ECS actually use.
 */
export async function resolveLoadBalancerNames(
  elb: ElasticLoadBalancingV2Client,
  services: EcsServiceInfo[],
  concurrency: number,
): Promise<void> {
  const targetGroups = [
    ...new Set(services.flatMap(s => s.loadBalancers.flatMap(lb => lb.targetGroupArn ?? []))),
  ];
  if (targetGroups.length === 0) return;
  const groups = (
    await mapLimited(chunk(targetGroups, BATCH), concurrency, async arns => {
      const out = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: arns }));
      return out.TargetGroups ?? [];
    })
  ).flat();
  const loadBalancerArns = [...new Set(groups.flatMap(g => g.LoadBalancerArns ?? []))];
  const balancers = (
    await mapLimited(chunk(loadBalancerArns, BATCH), concurrency, async arns => {
      const out = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: arns }));
      return out.LoadBalancers ?? [];
    })
  ).flat();
  const dnsByBalancer = new Map(balancers.map(lb => [lb.LoadBalancerArn, lb.DNSName]));
  const dnsByGroup = new Map(
    groups.map(g => [g.TargetGroupArn, dnsByBalancer.get(g.LoadBalancerArns?.[0])]),
  );
  for (const service of services) {
    for (const lb of service.loadBalancers) {
      lb.dnsName = lb.targetGroupArn ? dnsByGroup.get(lb.targetGroupArn) : undefined;
    }
  }
}
