import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { symlinkSync } from 'node:fs';
import { staticSource } from '../__testUtils__/fixtures';
import { cloudMap, module } from '../__testUtils__/terraform';
import { createValidateTerraformAction } from './validateTerraform';

async function run(
  files: Record<string, string>,
  input: Record<string, unknown> = {},
) {
  const dir = createMockDirectory({ content: files });
  const action = createValidateTerraformAction({ source: staticSource() });
  const ctx = createMockActionContext({
    input: { path: 'terraform', ...input } as any,
    workspacePath: dir.path,
  });
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
  return { error, outputs, dir };
}

describe('ecs-networking:validate-terraform', () => {
  it('passes generated Terraform in the seed shape and reports what it found', async () => {
    const { error, outputs } = await run({ 'terraform/main.tf': module() });
    expect(error).toBeUndefined();
    expect(outputs.files).toEqual(['terraform/main.tf']);
    expect(outputs.services).toEqual([
      {
        address: 'aws_ecs_service.this',
        name: 'checkout',
        cluster: 'shop',
        endpoints: ['checkout:8080'],
        dependencies: ['order-service:8080'],
      },
    ]);
  });

  it('fails when port_name matches no port mapping name', async () => {
    const { error } = await run({
      'terraform/main.tf': module({ portMappingName: 'web' }),
    });
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain(
      'The generated Terraform (terraform/main.tf) has 1 problem to fix',
    );
    expect(error?.message).toContain(
      'Service Connect port name "http" matches no port mapping name in checkout:1 (named: web)',
    );
    expect(error?.message).toContain(
      '(terraform/main.tf: aws_ecs_service.this)',
    );
  });

  it('needs the container definitions as a literal locals list', async () => {
    const { error } = await run({
      'terraform/main.tf': module({
        containerDefinitions: 'jsonencode([{ name = "x", portMappings = [] }])',
      }),
    });
    expect(error?.message).toContain('[container-definitions-unreadable]');
  });

  it('checks records against the network mode and the registry', async () => {
    const aInBridge = await run({
      'terraform/main.tf': module({
        networkMode: 'bridge',
        serviceConnect: false,
        cloudMap: cloudMap('type = "A"\n      ttl = 10'),
        serviceRegistries:
          '  service_registries {\n    registry_arn = aws_service_discovery_service.this.arn\n  }',
        environment: '',
      }),
    });
    expect(aInBridge.error?.message).toContain('[dns-a-record-network-mode]');

    const srvWithoutPort = await run({
      'terraform/main.tf': module({
        networkMode: 'bridge',
        serviceConnect: false,
        cloudMap: cloudMap('type = "SRV"\n      ttl = 10'),
        serviceRegistries:
          '  service_registries {\n    registry_arn = aws_service_discovery_service.this.arn\n  }',
        environment: '',
      }),
    });
    expect(srvWithoutPort.error?.message).toContain('[dns-srv-missing-port]');

    const srv = await run({
      'terraform/main.tf': module({
        networkMode: 'bridge',
        serviceConnect: false,
        cloudMap: cloudMap('type = "SRV"\n      ttl = 10'),
        serviceRegistries:
          '  service_registries {\n    registry_arn   = aws_service_discovery_service.this.arn\n    container_name = "checkout"\n    container_port = 8080\n  }',
        environment: '',
      }),
    });
    expect(srv.error).toBeUndefined();
    expect((srv.outputs.services as any)[0].endpoints).toEqual([
      'checkout.app',
    ]);
  });

  it('checks network_configuration against the network mode', async () => {
    const missing = await run({
      'terraform/main.tf': module({ networkConfiguration: false }),
    });
    expect(missing.error?.message).toContain('[network-configuration-missing]');
    const unexpected = await run({
      'terraform/main.tf': module({
        networkMode: 'bridge',
        networkConfiguration: true,
      }),
    });
    expect(unexpected.error?.message).toContain(
      '[network-configuration-unexpected]',
    );
  });

  it('follows variable defaults, warns on TTL and a missing health check', async () => {
    const { error, outputs } = await run({
      'terraform/main.tf': module({
        serviceConnect: false,
        cloudMap: cloudMap('type = "A"\n      ttl = var.ttl', false),
        serviceRegistries:
          '  service_registries {\n    registry_arn = aws_service_discovery_service.this.arn\n  }',
        environment: '',
      }),
      'terraform/variables.tf':
        'variable "ttl" {\n  type    = number\n  default = 300\n}\n',
    });
    expect(error).toBeUndefined();
    expect(outputs.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('[dns-ttl-too-high]'),
        expect.stringContaining('[cloud-map-health-check-missing]'),
      ]),
    );
    expect(outputs.files).toEqual([
      'terraform/main.tf',
      'terraform/variables.tf',
    ]);
  });

  it('finds collisions and unknown dependencies in what was generated', async () => {
    const { error } = await run({
      'terraform/main.tf': module({
        aliasDnsName: 'user-service',
        environment: '{ name = "ORDERS_URL", value = "http://ordres:8080" }',
      }),
    });
    expect(error?.message).toContain(
      'shop/user-service is owned by team-identity',
    );
    expect(error?.message).toContain(
      'Container checkout variable ORDERS_URL calls http://ordres:8080, which no known endpoint answers.',
    );
  });

  it('checks that the provider matches the intended account and region', async () => {
    const { error } = await run(
      { 'terraform/main.tf': module() },
      { accountId: '222222222222' },
    );
    expect(error?.message).toContain('[terraform-scope-mismatch]');
    const none = await run({ 'terraform/main.tf': module({ provider: '' }) });
    expect(none.error?.message).toContain('[terraform-scope-unknown]');
  });

  it('reports files that do not parse', async () => {
    const { error } = await run({
      'terraform/main.tf': module(),
      'terraform/broken.tf': 'resource "x" {',
    });
    expect(error?.message).toContain('[terraform-syntax]');
    expect(error?.message).toContain(
      'terraform/broken.tf does not parse as HCL',
    );
  });

  it('changes a live service with intent update, and refuses to recreate it', async () => {
    const migrated = module({
      serviceName: 'legacy-gateway',
      environment:
        '{ name = "ORDER_API", value = "http://order-service:8080" }',
    });
    const update = await run(
      { 'terraform/main.tf': migrated },
      { intent: 'update' },
    );
    expect(update.error).toBeUndefined();
    const create = await run({ 'terraform/main.tf': migrated });
    expect(create.error?.message).toContain('[service-name-taken]');
    expect(create.error?.message).toContain(
      'shop/legacy-gateway (owner team-platform)',
    );
  });

  it('reads globs, never leaves the workspace, and skips symbolic links', async () => {
    const nested = await run(
      { 'infra/a/main.tf': module(), 'infra/b/notes.md': '# x' },
      { path: 'infra/**/*.tf' },
    );
    expect(nested.error).toBeUndefined();
    expect(nested.outputs.files).toEqual(['infra/a/main.tf']);

    for (const path of [
      '../outside',
      '/etc',
      'terraform/../../x',
      'a;rm -rf /',
      `${'a/'.repeat(200)}`,
    ]) {
      const bad = await run({ 'terraform/main.tf': module() }, { path });
      expect(bad.error?.name).toBe('InputError');
      expect(bad.error?.message).toContain(
        'path: must be a path or glob relative to the workspace',
      );
    }

    const outside = createMockDirectory({
      content: { 'evil.tf': module({ aliasDnsName: 'user-service' }) },
    });
    const linked = await run({ 'terraform/main.tf': module() });
    symlinkSync(
      outside.resolve('evil.tf'),
      linked.dir.resolve('terraform/evil.tf'),
    );
    const action = createValidateTerraformAction({ source: staticSource() });
    const ctx = createMockActionContext({
      input: { path: 'terraform' } as any,
      workspacePath: linked.dir.path,
    });
    await expect(action.handler(ctx)).resolves.toBeUndefined();
  });

  it('says when there is nothing to check', async () => {
    const empty = await run({ 'terraform/README.md': 'nothing' });
    expect(empty.error?.message).toContain(
      'No Terraform (*.tf) files at "terraform"',
    );
    const noService = await run({
      'terraform/main.tf': 'locals {\n  a = 1\n}\n',
    });
    expect(noService.error?.message).toContain('[terraform-no-service]');
  });
});
