import { Throttler } from './Throttler';

describe('Throttler', () => {
  it('allows the burst, then refills at the published rate per account, region and family', () => {
    let now = 0;
    const throttler = new Throttler({}, () => now);
    const admit = (
      operation: string,
      account = '111111111111',
      region = 'eu-west-1',
    ) => throttler.admit(account, region, 'ecs', operation);
    // ListServicesByNamespace: 10 burst, 1 per second.
    for (let i = 0; i < 10; i++)
      expect(admit('ListServicesByNamespace')).toBe(true);
    expect(admit('ListServicesByNamespace')).toBe(false);
    expect(admit('ListServicesByNamespace', '222222222222')).toBe(true);
    expect(admit('ListServicesByNamespace', '111111111111', 'us-east-1')).toBe(
      true,
    );
    now += 1000;
    expect(admit('ListServicesByNamespace')).toBe(true);
    expect(admit('ListServicesByNamespace')).toBe(false);
    // DescribeServices and ListServices share one bucket of 100.
    for (let i = 0; i < 50; i++) expect(admit('DescribeServices')).toBe(true);
    for (let i = 0; i < 50; i++) expect(admit('ListServices')).toBe(true);
    expect(admit('DescribeServices')).toBe(false);
    // Writes are not throttled.
    for (let i = 0; i < 500; i++) expect(admit('CreateService')).toBe(true);
  });

  it('takes overrides for a family', () => {
    const throttler = new Throttler(
      { cloudMapDiscoverInstances: { burst: 1, refillPerSecond: 0 } },
      () => 0,
    );
    expect(
      throttler.admit('1', 'r', 'servicediscovery', 'DiscoverInstances'),
    ).toBe(true);
    expect(
      throttler.admit('1', 'r', 'servicediscovery', 'DiscoverInstances'),
    ).toBe(false);
  });
});
