import { now } from '../util/clock';
import { SubnetPool } from '../network/SubnetPool';
import { base32Id, digitsId, hexId } from '../util/ids';

export interface TargetGroupInput {
  name: string;
  /** Keeps an ARN that other records (ECS load balancers) already name. */
  arn?: string;
  port: number;
  protocol?: string;
  targetType?: 'ip' | 'instance';
  healthCheckPath?: string;
}

export interface LoadBalancerInput {
  name: string;
  type?: 'application' | 'network';
  scheme?: 'internet-facing' | 'internal';
  subnets?: string[];
  securityGroups?: string[];
  targetGroups?: TargetGroupInput[];
}

// Type aliases (not interfaces) so records pass as XML values as they are.
export type LoadBalancer = {
  LoadBalancerArn: string;
  LoadBalancerName: string;
  DNSName: string;
  CanonicalHostedZoneId: string;
  CreatedTime: Date;
  Scheme: string;
  VpcId?: string;
  State: { Code: 'active' };
  Type: string;
  AvailabilityZones: Array<{ ZoneName: string; SubnetId: string }>;
  SecurityGroups: string[];
  IpAddressType: 'ipv4';
};

export type TargetGroup = {
  TargetGroupArn: string;
  TargetGroupName: string;
  Protocol: string;
  Port: number;
  VpcId?: string;
  HealthCheckProtocol: string;
  HealthCheckPort: string;
  HealthCheckEnabled: boolean;
  HealthCheckPath?: string;
  LoadBalancerArns: string[];
  TargetType: string;
};

/** Elastic Load Balancing v2 load balancers and target groups of one account × region. */
export class LoadBalancerRegistry {
  private readonly loadBalancers: LoadBalancer[] = [];
  private readonly targetGroups: TargetGroup[] = [];

  constructor(
    private readonly accountId: string,
    private readonly region: string,
    private readonly network: SubnetPool,
  ) {}

  create(input: LoadBalancerInput): LoadBalancer {
    const type = input.type ?? 'application';
    const scheme = input.scheme ?? 'internet-facing';
    const subnetIds = input.subnets?.length
      ? input.subnets
      : this.network.defaultSubnetIds();
    const subnets = this.network.list().filter(s => subnetIds.includes(s.id));
    const prefix = `arn:aws:elasticloadbalancing:${this.region}:${this.accountId}`;
    const id = hexId(16, this.accountId, this.region, 'elb', input.name);
    const host =
      type === 'network'
        ? `${input.name}-${id}.elb.${this.region}.amazonaws.com`
        : `${input.name}-${digitsId(
            10,
            this.accountId,
            this.region,
            'elb-dns',
            input.name,
          )}.${this.region}.elb.amazonaws.com`;
    const loadBalancer: LoadBalancer = {
      LoadBalancerArn: `${prefix}:loadbalancer/${
        type === 'network' ? 'net' : 'app'
      }/${input.name}/${id}`,
      LoadBalancerName: input.name,
      DNSName: scheme === 'internal' ? `internal-${host}` : host,
      CanonicalHostedZoneId: `Z${base32Id(
        13,
        this.region,
        'elb-zone',
        type,
      ).toUpperCase()}`,
      CreatedTime: now(),
      Scheme: scheme,
      VpcId: subnets[0]?.vpcId,
      State: { Code: 'active' },
      Type: type,
      AvailabilityZones: subnets.map(s => ({
        ZoneName: s.availabilityZone,
        SubnetId: s.id,
      })),
      SecurityGroups: input.securityGroups ?? [],
      IpAddressType: 'ipv4',
    };
    this.loadBalancers.push(loadBalancer);
    for (const tg of input.targetGroups ?? []) {
      const protocol = tg.protocol ?? (type === 'network' ? 'TCP' : 'HTTP');
      this.targetGroups.push({
        TargetGroupArn:
          tg.arn ??
          `${prefix}:targetgroup/${tg.name}/${hexId(
            16,
            this.accountId,
            this.region,
            'tg',
            tg.name,
          )}`,
        TargetGroupName: tg.name,
        Protocol: protocol,
        Port: tg.port,
        VpcId: loadBalancer.VpcId,
        HealthCheckProtocol: protocol,
        HealthCheckPort: 'traffic-port',
        HealthCheckEnabled: true,
        HealthCheckPath: protocol.startsWith('HTTP')
          ? tg.healthCheckPath ?? '/'
          : undefined,
        LoadBalancerArns: [loadBalancer.LoadBalancerArn],
        TargetType: tg.targetType ?? 'ip',
      });
    }
    return loadBalancer;
  }

  listLoadBalancers(): LoadBalancer[] {
    return [...this.loadBalancers];
  }

  listTargetGroups(): TargetGroup[] {
    return [...this.targetGroups];
  }
}
