import { quotaSeconds } from './quotaBound';

describe('quotaSeconds', () => {
  it('sums the calls of operations that share a bucket', () => {
    // ListServices and DescribeServices share ECS's service-read bucket
    // (100 burst, 20/s): 300 calls leave 200 to pace, 10 s.
    expect(quotaSeconds({ 'ecs:ListServices': 40, 'ecs:DescribeServices': 260 })).toBe(10);
  });

  it('is set by the slowest bucket; separate buckets refill in parallel', () => {
    expect(
      quotaSeconds({ 'ecs:DescribeServices': 140, 'ecs:DescribeTaskDefinition': 250 }),
    ).toBe(10);
  });

  it('costs nothing within the burst, and ignores operations without a quota', () => {
    expect(quotaSeconds({ 'ecs:DescribeServices': 100, 'cloudwatch:ListMetrics': 900 })).toBe(0);
  });
});
