import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  findingsOf,
  scope,
} from '@ecs-net/plugin-ecs-networking-common/testing';
import {
  appMeshInUse,
  type ScopeSnapshot,
} from '@ecs-net/plugin-ecs-networking-common';
import { staticSource } from '../__testUtils__/fixtures';
import { createDescribeServiceAction } from './describeService';

async function run(
  serviceArn: string,
  snapshots?: ScopeSnapshot[],
  requireAppMesh?: boolean,
) {
  const action = createDescribeServiceAction({
    source: staticSource(
      snapshots && { generation: 1, statuses: [], snapshots },
    ),
  });
  const ctx = createMockActionContext({
    input: { serviceArn, requireAppMesh } as any,
  });
  const outputs: Record<string, any> = {};
  (ctx.output as jest.Mock).mockImplementation(
    (name: string, value: unknown) => {
      outputs[name] = value;
    },
  );
  const error = await action.handler(ctx).then(
    () => undefined,
    (e: Error) => e,
  );
  return { outputs, error };
}

describe('ecs-networking:describe-service', () => {
  it('reads an App Mesh service: containers without Envoy, the proxy, its calls and tags', async () => {
    const { outputs, error } = await run(
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/legacy-gateway',
    );
    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({
      accountId: '111111111111',
      region: 'eu-west-1',
      cluster: 'shop',
      serviceName: 'legacy-gateway',
      family: 'legacy-gateway',
      networkMode: 'awsvpc',
      container: {
        name: 'legacy-gateway',
        port: 8080,
        portName: 'http',
        portNameWasSet: true,
      },
      appMesh: {
        inUse: true,
        proxyType: 'APPMESH',
        envoyContainers: ['envoy'],
      },
      serviceConnect: {
        enabled: true,
        namespaceName: 'sc.local',
        endpoints: [],
      },
      environment: [{ name: 'ORDER_API', value: 'http://order-service:8080' }],
      dependencies: ['order-service:8080'],
      // The variable the service reads the address from today.
      dependencyVariables: { 'order-service:8080': 'ORDER_API' },
      tags: {
        owner: 'team-platform',
        system: 'shop',
        component: 'legacy-gateway',
      },
      // Where the migration template looks for the repository of its Terraform.
      componentRef: 'component:default/legacy-gateway',
    });
    expect(outputs.containers.map((c: { name: string }) => c.name)).toEqual([
      'legacy-gateway',
    ]);
  });

  it('reads the task size and secret references, never an environment value', async () => {
    const { outputs, error } = await run(
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/legacy-gateway',
    );
    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({
      cpu: '1024',
      memory: '3072',
      requiresCompatibilities: ['FARGATE'],
    });
    expect(outputs.containers[0].secrets).toEqual([
      {
        name: 'PARTNER_API_KEY',
        valueFrom:
          'arn:aws:secretsmanager:eu-west-1:111111111111:secret:legacy-gateway/partner-api-key-Xy7Q2p',
      },
    ]);
    // SESSION_SECRET's value is in its environment, but not an address.
    expect(JSON.stringify(outputs)).not.toContain('ecsnet-canary-7f3a9b');
    expect(JSON.stringify(outputs)).not.toContain('SESSION_SECRET');
  });

  it('leaves the task size out when the task definition sets none, and keeps the containers\' own', async () => {
    const b = scope();
    b.service('worker', {
      networkMode: 'bridge',
      requiresCompatibilities: ['EC2'],
      containers: [{ name: 'worker', memory: 768 }],
    });
    const { outputs, error } = await run(b.serviceArn('worker'), [b.build()]);
    expect(error).toBeUndefined();
    expect(outputs).not.toHaveProperty('cpu');
    expect(outputs).not.toHaveProperty('memory');
    expect(outputs.requiresCompatibilities).toEqual(['EC2']);
    expect(outputs.containers[0]).toMatchObject({
      name: 'worker',
      memory: 768,
      secrets: [],
    });
  });

  it('refuses a service without App Mesh when the migration asks for it', async () => {
    const userService =
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/user-service';
    const { error } = await run(userService, undefined, true);
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain(
      'ECS service shop/user-service (111111111111 / eu-west-1) does not use App Mesh',
    );
    expect(error?.stack).toBe(`InputError: ${error?.message}`);
    expect((await run(userService)).error).toBeUndefined();
    const legacy = await run(
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/legacy-gateway',
      undefined,
      true,
    );
    expect(legacy.error).toBeUndefined();
  });

  it('names the service it cannot find', async () => {
    const { error } = await run(
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/nope',
    );
    expect(error?.name).toBe('NotFoundError');
    expect(error?.message).toContain(
      'service/shop/nope is not in the live state',
    );
  });

  it('rejects anything but an ECS service ARN', async () => {
    const { error } = await run(
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/../../x',
    );
    expect(error?.message).toContain('serviceArn: must be an ECS service ARN');
  });

  it('says there is no port when the container has no port mapping', async () => {
    const b = scope();
    b.service('worker', { containers: [{ name: 'worker', ports: [] }] });
    const { outputs, error } = await run(b.serviceArn('worker'), [b.build()]);
    expect(error).toBeUndefined();
    expect(outputs.container).toEqual({
      name: 'worker',
      image: expect.any(String),
      portNameWasSet: false,
    });
  });

  // The finding rule and this action must agree on what App Mesh is: a
  // proxy configuration of type APPMESH, or App Mesh's Envoy image.
  it.each([
    {
      what: 'an APPMESH proxy configuration',
      proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' },
      image: 'envoyproxy/envoy:v1.31',
      appMesh: {
        inUse: true,
        proxyType: 'APPMESH',
        envoyContainers: ['envoy'],
      },
    },
    {
      what: "App Mesh's Envoy image",
      image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod',
      appMesh: { inUse: true, envoyContainers: ['envoy'] },
    },
    {
      what: 'a proxy configuration of another type',
      proxyConfiguration: { type: 'CUSTOM', containerName: 'envoy' },
      image: 'envoyproxy/envoy:v1.31',
      appMesh: { inUse: false, envoyContainers: [] },
    },
  ])(
    'agrees with the app-mesh-in-use finding on $what',
    async ({ proxyConfiguration, image, appMesh }) => {
      const b = scope();
      b.service('orders', {
        containers: [{}, { name: 'envoy', image }],
        proxyConfiguration,
      });
      const snapshot = b.build();
      const { outputs, error } = await run(b.serviceArn('orders'), [snapshot]);
      expect(error).toBeUndefined();
      expect(outputs.appMesh).toEqual(appMesh);
      expect(outputs.containers.map((c: { name: string }) => c.name)).toEqual(
        appMesh.inUse ? ['app'] : ['app', 'envoy'],
      );
      expect(findingsOf(appMeshInUse.id, [snapshot])).toHaveLength(
        appMesh.inUse ? 1 : 0,
      );
    },
  );
});
