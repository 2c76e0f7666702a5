import { formatIpv4, parseCidr, Ipv4Block } from './cidr';
import { hexId } from '../util/ids';

export interface SubnetSpec {
  id: string;
  cidr: string;
  availabilityZone: string;
  vpcId: string;
}

/** A private address handed to a task ENI or a container instance. */
export interface Lease {
  subnetId: string;
  availabilityZone: string;
  address: string;
  eniId: string;
  macAddress: string;
}

interface Subnet extends SubnetSpec {
  block: Ipv4Block;
  used: Set<number>;
  cursor: number;
}

// AWS reserves the first four addresses and the last one of every subnet.
const RESERVED_LOW = 4;
const RESERVED_HIGH = 1;

/**
 * The subnets of one account × region and the addresses leased from them.
 * Every region has a default VPC (172.31.0.0/16 with one /20 per zone a–c) as
 * AWS accounts do; the estate adds its own subnets beside it.
 */
export class SubnetPool {
  private readonly subnets = new Map<string, Subnet>();
  private leaseCount = 0;

  constructor(private readonly accountId: string, readonly region: string) {
    const vpcId = `vpc-${hexId(17, accountId, region, 'default-vpc')}`;
    ['a', 'b', 'c'].forEach((zone, index) =>
      this.add({
        id: `subnet-${hexId(17, accountId, region, 'default-subnet', zone)}`,
        cidr: `172.31.${index * 16}.0/20`,
        availabilityZone: `${region}${zone}`,
        vpcId,
      }),
    );
  }

  add(spec: SubnetSpec): void {
    const block = parseCidr(spec.cidr);
    this.subnets.set(spec.id, {
      ...spec,
      block,
      used: new Set(),
      cursor: RESERVED_LOW,
    });
  }

  has(subnetId: string): boolean {
    return this.subnets.has(subnetId);
  }

  list(): SubnetSpec[] {
    return [...this.subnets.values()].map(
      ({ id, cidr, availabilityZone, vpcId }) => ({
        id,
        cidr,
        availabilityZone,
        vpcId,
      }),
    );
  }

  defaultSubnetIds(): string[] {
    return [...this.subnets.keys()].slice(0, 3);
  }

  /**
   * Leases the next free address in the first of `subnetIds` (tried in the
   * order given) that has one; undefined when all of them are full.
   */
  lease(subnetIds: string[]): Lease | undefined {
    for (const subnetId of subnetIds) {
      const subnet = this.subnets.get(subnetId);
      const offset = subnet && this.nextFree(subnet);
      if (subnet && offset !== undefined) {
        subnet.used.add(offset);
        subnet.cursor = offset + 1;
        const seq = this.leaseCount++;
        const mac = hexId(10, this.accountId, this.region, 'mac', seq);
        return {
          subnetId,
          availabilityZone: subnet.availabilityZone,
          address: formatIpv4(subnet.block.base + offset),
          eniId: `eni-${hexId(17, this.accountId, this.region, 'eni', seq)}`,
          macAddress: `0a:${mac.match(/../g)!.join(':')}`,
        };
      }
    }
    return undefined;
  }

  release(lease: Lease): void {
    const subnet = this.subnets.get(lease.subnetId);
    if (!subnet) {
      return;
    }
    const [a, b, c, d] = lease.address.split('.').map(Number);
    subnet.used.delete(((a * 256 + b) * 256 + c) * 256 + d - subnet.block.base);
  }

  private nextFree(subnet: Subnet): number | undefined {
    const last = subnet.block.size - RESERVED_HIGH - 1;
    const capacity = last - RESERVED_LOW + 1;
    if (capacity <= 0 || subnet.used.size >= capacity) {
      return undefined;
    }
    // Addresses go out in order and freed ones are reused only after wrap,
    // the way a real ENI rarely gets back the address its predecessor had.
    let offset = subnet.cursor > last ? RESERVED_LOW : subnet.cursor;
    while (subnet.used.has(offset)) {
      offset = offset >= last ? RESERVED_LOW : offset + 1;
    }
    return offset;
  }
}
