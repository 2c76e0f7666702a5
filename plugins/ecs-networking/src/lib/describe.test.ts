import type { Endpoint } from '@ecs-net/plugin-ecs-networking-common';
import { shopModel } from '../__testUtils__/estate';
import { evidenceText, reachabilityText } from './describe';
import { endpointNameFromId, serviceNameFromArn } from './arns';

describe('reachabilityText', () => {
  const model = shopModel();
  const byName = (name: string): Endpoint =>
    model.endpoints.find(e => e.name === name)!;

  it('says a Service Connect name only resolves inside the namespace', () => {
    expect(reachabilityText(byName('orders:8080'))).toBe(
      'ECS tasks with Service Connect in sc.local',
    );
  });

  it('says a private DNS name resolves anywhere in the VPC', () => {
    expect(reachabilityText(byName('mysql.app'))).toBe('anything in the VPC');
  });

  it('says an API-only name has no DNS', () => {
    expect(
      reachabilityText({
        ...byName('mysql.app'),
        reachableFrom: 'cloud-map-api',
      }),
    ).toContain('Cloud Map DiscoverInstances API');
  });
});

describe('evidenceText', () => {
  it('names the variable and the matched reference for environment evidence', () => {
    expect(
      evidenceText({
        kind: 'environment',
        variable: 'USER_SERVICE_URL',
        reference: 'http://user-service:8080',
        container: 'app',
      }),
    ).toBe('env USER_SERVICE_URL → http://user-service:8080');
  });

  it('names the tag for tag evidence and says when traffic was observed', () => {
    expect(
      evidenceText({
        kind: 'tag',
        variable: 'depends-on',
        reference: 'orders',
      }),
    ).toBe('tag depends-on → orders');
    expect(evidenceText({ kind: 'metrics', reference: 'orders' })).toBe(
      'observed traffic (orders)',
    );
  });
});

describe('arns', () => {
  it('recovers service and endpoint names', () => {
    expect(
      serviceNameFromArn(
        'arn:aws:ecs:eu-west-1:111111111111:service/shop/orders',
      ),
    ).toBe('orders');
    expect(
      endpointNameFromId('connect:111111111111:eu-west-1:sc.local:orders:8080'),
    ).toBe('orders:8080');
    expect(
      endpointNameFromId(
        'connect:111111111111:eu-west-1:sc.local:orders:8080@shop/orders-v2',
      ),
    ).toBe('orders:8080');
  });
});
