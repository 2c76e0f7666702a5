import { findingsOf, scope } from '../testing';
import { appMeshInUse } from './app-mesh-in-use';

describe('app-mesh-in-use', () => {
  it('reports an APPMESH proxy configuration', () => {
    const b = scope();
    b.service('orders', {
      proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' },
    });
    const findings = findingsOf(appMeshInUse.id, [b.build()]);
    expect(findings).toMatchObject([
      { severity: 'warning', subject: { name: 'orders' } },
    ]);
    expect(findings[0].message).toContain('2026-09-30');
  });

  it('reports the App Mesh Envoy image', () => {
    const b = scope();
    b.service('orders', {
      containers: [
        {},
        {
          name: 'envoy',
          image:
            '840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.27.3.0-prod',
        },
      ],
    });
    expect(findingsOf(appMeshInUse.id, [b.build()])[0].message).toContain(
      'container envoy',
    );
  });

  it('accepts a task definition without App Mesh', () => {
    const b = scope();
    b.service('orders', {
      containers: [{}, { name: 'envoy', image: 'envoyproxy/envoy:v1.31' }],
    });
    expect(findingsOf(appMeshInUse.id, [b.build()])).toEqual([]);
  });

  it('does not take a proxy configuration of another type for App Mesh', () => {
    const b = scope();
    b.service('orders', {
      containers: [{}, { name: 'proxy', image: 'envoyproxy/envoy:v1.31' }],
      proxyConfiguration: { type: 'CUSTOM', containerName: 'proxy' },
    });
    expect(findingsOf(appMeshInUse.id, [b.build()])).toEqual([]);
  });
});
