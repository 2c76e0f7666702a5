import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { staticSource } from '../__testUtils__/fixtures';
import type { LiveNetworkSource } from '../live/liveNetworkSource';
import { module } from '../__testUtils__/terraform';
import { createDescribeServiceAction } from './describeService';
import { createValidateAction } from './validate';
import { createValidateTerraformAction } from './validateTerraform';

// Every string a person or a template can hand these actions, with the
// inputs an attacker would try: path traversal, shell metacharacters and
// values longer than the field allows. Each must be refused before anything
// is read, by the action's input schema, naming the field.

const TRAVERSAL = ['../../etc', '..', 'a/../../b'];
const SHELL = ['$(rm -rf /)', '`reboot`', 'a; rm -rf /', 'a && b', 'a|b', "a'b", 'a"b', 'a\nb'];

type Input = Record<string, unknown>;

function setPath(input: Input, path: string, value: unknown): Input {
  const copy = structuredClone(input);
  const keys = path.split('.');
  let target: any = copy;
  for (const key of keys.slice(0, -1)) target = target[key];
  target[keys[keys.length - 1]] = value;
  return copy;
}

// Each action types its own context; here they all get a mock one.
type ActionFactory = (options: { source: LiveNetworkSource }) => { handler: (ctx: any) => Promise<void> };

/** Runs an action on a fresh source; returns what it threw and how often it read live state. */
async function run(create: ActionFactory, input: Input, workspacePath?: string) {
  const source = staticSource();
  const action = create({ source });
  const ctx = createMockActionContext({ input: input as any, ...(workspacePath ? { workspacePath } : {}) });
  const error = await action.handler(ctx).then(
    () => undefined,
    (e: Error) => e,
  );
  return { error, loads: source.loads };
}

interface Field {
  path: string;
  /** Longest value the field takes; one more character must be refused. */
  maxLength: number;
  /** Fields that hold names or paths also refuse `..` and `/`. */
  traversal: boolean;
}

function cases(fields: Field[]) {
  return fields.flatMap(field => [
    ...SHELL.map(value => [field.path, value] as const),
    ...(field.traversal ? TRAVERSAL.map(value => [field.path, value] as const) : []),
    [field.path, 'a'.repeat(field.maxLength + 1)] as const,
  ]);
}

describe('ecs-networking:validate refuses hostile input', () => {
  const base: Input = {
    mode: 'both',
    accountId: '111111111111',
    region: 'eu-west-1',
    cluster: 'shop',
    serviceName: 'checkout',
    container: { name: 'checkout', port: 8080, portName: 'http' },
    serviceConnect: {
      namespace: 'sc.local',
      portName: 'http',
      discoveryName: 'checkout',
      clientAlias: { dnsName: 'checkout', port: 8080 },
    },
    serviceDiscovery: { namespace: 'app', name: 'checkout', recordType: 'A' },
    dependencies: ['order-service:8080'],
    tags: { owner: 'team-orders', system: 'shop', lifecycle: 'production', component: 'checkout' },
    replacesServiceArn: 'arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout',
  };
  const fields: Field[] = [
    { path: 'accountId', maxLength: 12, traversal: true },
    { path: 'region', maxLength: 32, traversal: true },
    { path: 'cluster', maxLength: 255, traversal: true },
    { path: 'serviceName', maxLength: 255, traversal: true },
    { path: 'container.name', maxLength: 255, traversal: true },
    { path: 'container.portName', maxLength: 64, traversal: true },
    { path: 'serviceConnect.namespace', maxLength: 253, traversal: true },
    { path: 'serviceConnect.portName', maxLength: 64, traversal: true },
    { path: 'serviceConnect.clientAlias.dnsName', maxLength: 253, traversal: true },
    { path: 'serviceDiscovery.namespace', maxLength: 253, traversal: true },
    { path: 'serviceDiscovery.name', maxLength: 63, traversal: true },
    { path: 'dependencies.0', maxLength: 280, traversal: true },
    { path: 'replacesServiceArn', maxLength: 600, traversal: true },
    // AWS tag values may hold `/` and `.`, so only shell characters and
    // length are refused there.
    { path: 'tags.owner', maxLength: 256, traversal: false },
    { path: 'tags.system', maxLength: 256, traversal: false },
  ];

  it('takes the valid base input', async () => {
    const { error } = await run(createValidateAction, base);
    expect(error?.message ?? '').not.toContain('Invalid input');
  });

  it.each(cases(fields))('%s = %j', async (path, value) => {
    const { error, loads } = await run(createValidateAction, setPath(base, path, value));
    expect(error?.name).toBe('InputError');
    expect(error?.message).toMatch(
      new RegExp(`^Invalid input for ecs-networking:validate:\\n(?:.*\\n)*  - ${path.replace(/\./g, '\\.')}: `),
    );
    expect(loads).toBe(0);
  });
});

describe('ecs-networking:describe-service refuses hostile input', () => {
  const arn = 'arn:aws:ecs:eu-west-1:111111111111:service/shop/order-service';
  it.each([
    ...SHELL.map(s => `${arn}${s}`),
    ...TRAVERSAL.map(t => `arn:aws:ecs:eu-west-1:111111111111:service/shop/${t}`),
    `arn:aws:ecs:eu-west-1:111111111111:service/shop/${'a'.repeat(600)}`,
  ])('serviceArn = %j', async serviceArn => {
    const { error, loads } = await run(createDescribeServiceAction, { serviceArn });
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain('serviceArn: must be an ECS service ARN');
    expect(loads).toBe(0);
  });
});

describe('ecs-networking:validate-terraform refuses hostile input', () => {
  const workspace = createMockDirectory({ content: { 'terraform/main.tf': module() } });
  const fields: Field[] = [
    { path: 'path', maxLength: 256, traversal: true },
    { path: 'accountId', maxLength: 12, traversal: true },
    { path: 'region', maxLength: 32, traversal: true },
  ];

  it.each(cases(fields))('%s = %j', async (path, value) => {
    const input = { path: 'terraform', accountId: '111111111111', region: 'eu-west-1', [path]: value };
    const { error, loads } = await run(createValidateTerraformAction, input, workspace.path);
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain(`  - ${path}: `);
    expect(loads).toBe(0);
  });
});
