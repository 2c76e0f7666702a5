import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, ENTITY_TYPES } from '@ecs-net/plugin-ecs-networking-common';
import { isEcsNamespace } from './isEcsNamespace';

const ARN = 'arn:aws:servicediscovery:eu-west-1:111111111111:namespace/ns-1';

function entity(kind: string, type: string, annotations: Record<string, string>): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name: 'x', annotations }, spec: { type } };
}

describe('isEcsNamespace', () => {
  it('applies to namespace Resources the provider wrote', () => {
    expect(isEcsNamespace(entity('Resource', ENTITY_TYPES.cloudMapNamespace, { [ANNOTATIONS.namespaceArn]: ARN }))).toBe(true);
  });

  it('does not apply to endpoint APIs in the namespace, nor to look-alikes without the annotation', () => {
    expect(isEcsNamespace(entity('API', ENTITY_TYPES.serviceConnectEndpoint, { [ANNOTATIONS.namespaceArn]: ARN }))).toBe(false);
    expect(isEcsNamespace(entity('Resource', ENTITY_TYPES.cloudMapNamespace, {}))).toBe(false);
    expect(isEcsNamespace(entity('Resource', ENTITY_TYPES.ecsService, { [ANNOTATIONS.namespaceArn]: ARN }))).toBe(false);
  });
});
