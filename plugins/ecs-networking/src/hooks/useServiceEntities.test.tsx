import type { Entity } from '@backstage/catalog-model';
import { TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { ANNOTATIONS } from '@ecs-net/plugin-ecs-networking-common';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { mockCatalog } from '../__testUtils__/apis';
import { useServiceEntities } from './useServiceEntities';

const ANNOTATION_FILTER = `metadata.annotations.${ANNOTATIONS.serviceArn}`;

function resource(arn: string, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, annotations: { [ANNOTATIONS.serviceArn]: arn } },
    spec: { type: 'ecs-service', owner: 'team-a' },
  };
}

function render(arns: string[], entities: Entity[]) {
  const catalog = mockCatalog(entities);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[catalogApiRef, catalog]]}>{children}</TestApiProvider>
  );
  const hook = renderHook(() => useServiceEntities(arns), { wrapper });
  return { hook, catalog };
}

describe('useServiceEntities', () => {
  const short = 'arn:aws:ecs:eu-west-1:111111111111:service/shop/orders';
  // ECS allows 255-character service names; the catalog indexes 200.
  const long = `arn:aws:ecs:eu-west-1:333333333333:service/hostile/${'x'.repeat(255)}`;

  it('asks the catalog for the services by annotation', async () => {
    const { hook, catalog } = render([short], [resource(short, 'orders')]);
    await waitFor(() => expect(hook.result.current.get(short)?.metadata.name).toBe('orders'));
    expect(catalog.getEntities.mock.calls[0][0]!.filter).toMatchObject({ [ANNOTATION_FILTER]: [short] });
  });

  it('lists every ECS service instead when an ARN is too long for the catalog to filter on', async () => {
    const { hook, catalog } = render([short, long], [resource(short, 'orders'), resource(long, 'long-name')]);
    await waitFor(() => expect(hook.result.current.get(long)?.metadata.name).toBe('long-name'));
    expect(catalog.getEntities).toHaveBeenCalledTimes(1);
    expect(catalog.getEntities.mock.calls[0][0]!.filter).toEqual({
      kind: 'resource',
      'spec.type': 'ecs-service',
    });
  });
});
