import { SubnetPool } from './SubnetPool';

describe('SubnetPool', () => {
  it('hands out addresses past the four AWS reserves and never the broadcast one', () => {
    const pool = new SubnetPool('111111111111', 'eu-west-1');
    pool.add({
      id: 'subnet-a',
      cidr: '10.9.0.0/29',
      availabilityZone: 'eu-west-1a',
      vpcId: 'vpc-1',
    });
    const leases = [
      pool.lease(['subnet-a']),
      pool.lease(['subnet-a']),
      pool.lease(['subnet-a']),
    ];
    expect(leases.map(l => l?.address)).toEqual([
      '10.9.0.4',
      '10.9.0.5',
      '10.9.0.6',
    ]);
    expect(pool.lease(['subnet-a'])).toBeUndefined();
    pool.release(leases[1]!);
    expect(pool.lease(['subnet-a'])!.address).toBe('10.9.0.5');
  });

  it('falls back to the next subnet and has a default VPC', () => {
    const pool = new SubnetPool('111111111111', 'eu-west-1');
    pool.add({
      id: 'subnet-full',
      cidr: '10.9.0.0/30',
      availabilityZone: 'eu-west-1a',
      vpcId: 'vpc-1',
    });
    const [first] = pool.defaultSubnetIds();
    expect(pool.lease(['subnet-full', first])).toMatchObject({
      subnetId: first,
      address: '172.31.0.4',
      availabilityZone: 'eu-west-1a',
      eniId: expect.stringMatching(/^eni-[0-9a-f]{17}$/),
    });
  });
});
