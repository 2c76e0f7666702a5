import type { ContainerInfo } from './snapshot';
import { appMeshUseOf } from './appMesh';

function container(name: string, image?: string): ContainerInfo {
  return { name, image, portMappings: [], references: [] };
}

const ENVOY_IMAGE =
  '840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.27.3.0-prod';

describe('appMeshUseOf', () => {
  it('finds the Envoy an APPMESH proxy configuration names, whatever its image', () => {
    const use = appMeshUseOf({
      containers: [container('app'), container('mesh-proxy', 'my/envoy:1')],
      proxyConfiguration: { type: 'APPMESH', containerName: 'mesh-proxy' },
    });
    expect(use?.proxy).toBe(true);
    expect(use?.envoyContainers.map(c => c.name)).toEqual(['mesh-proxy']);
  });

  it('reads the proxy type in any case', () => {
    expect(
      appMeshUseOf({
        containers: [container('app')],
        proxyConfiguration: { type: 'appmesh', containerName: 'envoy' },
      })?.proxy,
    ).toBe(true);
  });

  it('finds the App Mesh Envoy image without a proxy configuration', () => {
    const use = appMeshUseOf({
      containers: [container('app'), container('envoy', ENVOY_IMAGE)],
    });
    expect(use).toEqual({
      proxy: false,
      envoyContainers: [container('envoy', ENVOY_IMAGE)],
    });
  });

  it('does not take a proxy of another type, or an Envoy of its own, for App Mesh', () => {
    expect(
      appMeshUseOf({
        containers: [container('app'), container('proxy', 'envoyproxy/envoy')],
        proxyConfiguration: { type: 'CUSTOM', containerName: 'proxy' },
      }),
    ).toBeUndefined();
    expect(
      appMeshUseOf({
        containers: [container('app'), container('envoy', 'envoyproxy/envoy')],
      }),
    ).toBeUndefined();
  });
});
