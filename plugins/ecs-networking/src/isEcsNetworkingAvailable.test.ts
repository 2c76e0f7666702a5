import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@ecs-net/plugin-ecs-networking-common';
import { isEcsNetworkingAvailable } from './isEcsNetworkingAvailable';

function entity(
  kind: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', annotations },
  };
}

describe('isEcsNetworkingAvailable', () => {
  it('applies to ECS service Resources and endpoint APIs by annotation', () => {
    expect(
      isEcsNetworkingAvailable(
        entity('Resource', { [ANNOTATIONS.serviceArn]: 'arn:aws:ecs:...' }),
      ),
    ).toBe(true);
    expect(
      isEcsNetworkingAvailable(
        entity('API', {
          [ANNOTATIONS.endpointId]: 'connect:1:r:ns:orders:8080',
        }),
      ),
    ).toBe(true);
  });

  it('applies to every Component, linked by tag or not', () => {
    expect(isEcsNetworkingAvailable(entity('Component'))).toBe(true);
  });

  it('does not apply to other entities', () => {
    expect(isEcsNetworkingAvailable(entity('Resource'))).toBe(false);
    expect(isEcsNetworkingAvailable(entity('API'))).toBe(false);
    expect(isEcsNetworkingAvailable(entity('Group'))).toBe(false);
  });
});
