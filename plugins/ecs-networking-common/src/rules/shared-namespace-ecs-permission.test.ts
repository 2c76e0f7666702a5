import { findingsOf, scope } from '../testing';
import {
  CLOUD_MAP_ECS_PERMISSION,
  sharedNamespaceEcsPermission,
} from './shared-namespace-ecs-permission';

const sharedUnder = (permissions: string[]) => {
  const b = scope('111111111111')
    .namespace('shop.local', 'HTTP')
    .shares('shop.local', [
      {
        arn: 'arn:aws:ram:eu-west-1:111111111111:resource-share/shop',
        name: 'shop',
        status: 'ACTIVE',
        principals: ['222222222222'],
        permissions,
      },
    ]);
  b.service('orders', { serviceConnect: { namespace: 'shop.local', services: [] } });
  return [b.build()];
};

describe('shared-namespace-ecs-permission', () => {
  it('reports a share of a namespace without the ECS permission', () => {
    const findings = findingsOf(
      sharedNamespaceEcsPermission.id,
      sharedUnder(['AWSRAMDefaultPermissionCloudMapNamespace']),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      subject: { kind: 'namespace', name: 'shop.local', accountId: '111111111111' },
    });
    expect(findings[0].message).toContain('222222222222');
    expect(findings[0].fix).toContain(CLOUD_MAP_ECS_PERMISSION);
  });

  it('accepts a share that carries the ECS permission', () => {
    expect(
      findingsOf(sharedNamespaceEcsPermission.id, sharedUnder([CLOUD_MAP_ECS_PERMISSION])),
    ).toEqual([]);
  });
});
