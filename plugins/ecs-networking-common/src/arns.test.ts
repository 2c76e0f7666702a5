import { arnResourceName, parseArn } from './arns';

describe('parseArn', () => {
  it('splits an ARN, keeping the colons of its resource', () => {
    expect(
      parseArn(
        'arn:aws-us-gov:ecs:us-gov-west-1:111122223333:task-definition/orders:12',
      ),
    ).toEqual({
      partition: 'aws-us-gov',
      service: 'ecs',
      region: 'us-gov-west-1',
      accountId: '111122223333',
      resource: 'task-definition/orders:12',
    });
  });

  it('refuses what is not an ARN', () => {
    expect(parseArn('orders')).toBeUndefined();
    expect(
      parseArn('urn:aws:ecs:eu-west-1:111122223333:service/x'),
    ).toBeUndefined();
    expect(parseArn('arn:aws:ecs:eu-west-1')).toBeUndefined();
  });
});

describe('arnResourceName', () => {
  it('takes the last segment of the resource path', () => {
    expect(
      arnResourceName('arn:aws:ecs:eu-west-1:111122223333:service/shop/orders'),
    ).toBe('orders');
    expect(
      arnResourceName(
        'arn:aws:ecs:eu-west-1:111122223333:task-definition/orders:12',
      ),
    ).toBe('orders:12');
    expect(
      arnResourceName(
        'arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-abc',
      ),
    ).toBe('ns-abc');
  });

  it('returns a bare name whole', () => {
    expect(arnResourceName('shop')).toBe('shop');
  });
});
