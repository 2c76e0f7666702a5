import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { staticSource } from '../__testUtils__/fixtures';
import { createDescribeServiceAction } from './describeService';

async function run(serviceArn: string) {
  const action = createDescribeServiceAction({ source: staticSource() });
  const ctx = createMockActionContext({ input: { serviceArn } as any });
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
      tags: {
        owner: 'team-platform',
        system: 'shop',
        component: 'legacy-gateway',
      },
    });
    expect(outputs.containers.map((c: { name: string }) => c.name)).toEqual([
      'legacy-gateway',
    ]);
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
});
