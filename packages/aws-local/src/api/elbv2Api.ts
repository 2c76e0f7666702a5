import { QueryService } from '../protocol/CallContext';
import { AwsError } from '../util/AwsError';
import { checkPageSize, paginate, PageLimits } from '../util/paging';

const pageLimits: PageLimits = {
  defaultSize: 400,
  maxSize: 400,
  memberName: 'pageSize',
  invalid: message => new AwsError('ValidationError', message, 400),
};

/** Reads an awsQuery list (`Name.member.1`, `Name.member.2`, …). */
function memberList(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${name}.member.${i}`); i++) {
    out.push(params.get(`${name}.member.${i}`)!);
  }
  return out;
}

function page<T>(params: URLSearchParams, all: T[], scope: string) {
  const size = params.get('PageSize');
  const result = paginate(
    all,
    {
      maxResults:
        size === null ? undefined : checkPageSize(Number(size), pageLimits),
      nextToken: params.get('Marker') ?? undefined,
    },
    pageLimits,
    scope,
  );
  return { items: result.items, marker: result.nextToken };
}

/** Elastic Load Balancing v2 reads, enough to find a service's load balancer from its target group. */
export const elbv2Api: QueryService = {
  signingName: 'elasticloadbalancing',
  version: '2015-12-01',
  xmlNamespace: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  actions: {
    DescribeLoadBalancers(ctx, params) {
      const arns = memberList(params, 'LoadBalancerArns');
      const names = memberList(params, 'Names');
      const all = ctx.partition.elb.listLoadBalancers();
      const found = all.filter(
        lb =>
          (!arns.length || arns.includes(lb.LoadBalancerArn)) &&
          (!names.length || names.includes(lb.LoadBalancerName)),
      );
      if (found.length < arns.length + names.length) {
        throw new AwsError(
          'LoadBalancerNotFound',
          'One or more load balancers not found',
          400,
        );
      }
      const { items, marker } = page(
        params,
        found,
        `DescribeLoadBalancers/${arns}/${names}`,
      );
      return { LoadBalancers: items, NextMarker: marker };
    },

    DescribeTargetGroups(ctx, params) {
      const arns = memberList(params, 'TargetGroupArns');
      const names = memberList(params, 'Names');
      const loadBalancerArn = params.get('LoadBalancerArn');
      if (
        loadBalancerArn &&
        !ctx.partition.elb
          .listLoadBalancers()
          .some(lb => lb.LoadBalancerArn === loadBalancerArn)
      ) {
        throw new AwsError(
          'LoadBalancerNotFound',
          'One or more load balancers not found',
          400,
        );
      }
      const found = ctx.partition.elb
        .listTargetGroups()
        .filter(
          tg =>
            (!arns.length || arns.includes(tg.TargetGroupArn)) &&
            (!names.length || names.includes(tg.TargetGroupName)) &&
            (!loadBalancerArn || tg.LoadBalancerArns.includes(loadBalancerArn)),
        );
      if (found.length < arns.length + names.length) {
        throw new AwsError(
          'TargetGroupNotFound',
          'One or more target groups not found',
          400,
        );
      }
      const { items, marker } = page(
        params,
        found,
        `DescribeTargetGroups/${loadBalancerArn}/${arns}/${names}`,
      );
      return { TargetGroups: items, NextMarker: marker };
    },
  },
};
