import { loadTemplate } from './__testUtils__/backend';

// The templates' form parameters are the first gate: the scaffolder form
// and the scaffolder backend check values against these JSON Schemas before
// any step runs. Every free-text parameter must be bounded in length and
// pattern, so that path traversal and shell metacharacters never reach the
// actions, the rendered Terraform or a file name.

const TEMPLATES = [
  'ecs-service-connect',
  'ecs-service-discovery',
  'ecs-service-connect-and-discovery',
  'ecs-migrate-app-mesh',
];

const TRAVERSAL = ['../../etc', '..', 'a/../b'];
const SHELL = ['$(rm -rf /)', '`reboot`', 'a; rm -rf /', 'a && b', 'a|b', 'a"b', "a'b"];
const CONTROL = ['a\nb', 'a\u0000b'];

/** A value each parameter must take, and what it must refuse besides over-long values. */
const PARAMETERS: Record<string, { valid: string; refuses: string[] }> = {
  name: { valid: 'checkout', refuses: [...TRAVERSAL, ...SHELL, ...CONTROL, 'Checkout'] },
  // Free text, JSON-quoted where it is rendered: only one line is required.
  description: { valid: 'Checkout for the shop (v2): "fast" & $cheap', refuses: CONTROL },
  owner: { valid: 'group:default/team-orders', refuses: [...TRAVERSAL, ...SHELL, ...CONTROL] },
  system: { valid: 'system:default/shop', refuses: [...TRAVERSAL, ...SHELL, ...CONTROL] },
  serviceArn: {
    valid: 'arn:aws:ecs:eu-west-1:111111111111:service/shop/legacy-gateway',
    refuses: [
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/../../x',
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/$(reboot)',
      ...CONTROL,
    ],
  },
  accountId: { valid: '111111111111', refuses: [...TRAVERSAL, ...SHELL, '1111'] },
  region: { valid: 'eu-west-1', refuses: [...TRAVERSAL, ...SHELL] },
  cluster: { valid: 'shop', refuses: [...TRAVERSAL, ...SHELL, ...CONTROL] },
  image: {
    valid: 'public.ecr.aws/nginx/nginx:stable',
    refuses: [...SHELL, ...CONTROL, '../../etc'],
  },
  portName: { valid: 'http', refuses: [...TRAVERSAL, ...SHELL] },
  discoveryName: { valid: 'checkout', refuses: [...TRAVERSAL, ...SHELL] },
  sdName: { valid: 'checkout', refuses: [...TRAVERSAL, ...SHELL] },
  aliasDnsName: { valid: 'checkout.shop', refuses: [...TRAVERSAL, ...SHELL] },
  namespace: { valid: 'sc.local', refuses: [...TRAVERSAL, ...SHELL, '<img/src/onerror=alert(1)>'] },
  sdNamespace: { valid: 'app', refuses: [...TRAVERSAL, ...SHELL] },
  newNamespace: { valid: 'orders.internal', refuses: [...TRAVERSAL, ...SHELL] },
  proxyLogGroup: { valid: '/ecs/service-connect', refuses: [...SHELL, ...CONTROL] },
  tlsCertificateAuthorityArn: {
    valid: 'arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/0a1b2c3d-1111-2222-3333-444455556666',
    refuses: ['arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/../x', ...SHELL, ...CONTROL],
  },
  tlsKmsKey: {
    valid: 'arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-1111-2222-3333-444455556666',
    refuses: ['arn:aws:kms:eu-west-1:111111111111:key/$(reboot)', ...SHELL, ...CONTROL],
  },
  tlsRoleArn: {
    valid: 'arn:aws:iam::111111111111:role/ecs-service-connect-tls',
    refuses: ['arn:aws:iam::111111111111:role/a b', ...SHELL, ...CONTROL],
  },
  dependencies: { valid: 'order-service:8080', refuses: [...TRAVERSAL, ...SHELL, ...CONTROL] },
  repoUrl: {
    valid: 'github.com?owner=acme&repo=checkout',
    refuses: [...TRAVERSAL, ...SHELL, ...CONTROL, 'github.com?owner=acme&repo=..', 'github.com?owner=..%2Fx&repo=a'],
  },
};

/**
 * The ECS Networking pickers check syntax themselves, with a message that
 * names the rule (`… is not a namespace name: …`, `Not endpoint names: …`);
 * a schema pattern would replace it with a bare regex. They are bounded in
 * length here, and the actions' schemas refuse what the form let through.
 */
const SELF_CHECKING_FIELDS = ['EcsNamespacePicker', 'EcsEndpointPicker'];

interface StringParameter {
  template: string;
  key: string;
  schema: { pattern?: string; maxLength?: number; enum?: string[]; const?: string };
  selfChecking: boolean;
}

/**
 * Every string parameter of a template: top level, in `dependencies`
 * branches, in objects (a picker storing several values), and array items.
 */
function stringParameters(template: string, spec: any): StringParameter[] {
  const found: StringParameter[] = [];
  const visit = (properties: Record<string, any> = {}) => {
    for (const [key, schema] of Object.entries(properties)) {
      const selfChecking = SELF_CHECKING_FIELDS.includes(schema['ui:field']);
      if (schema.type === 'string') found.push({ template, key, schema, selfChecking });
      if (schema.type === 'array' && schema.items?.type === 'string') {
        found.push({ template, key, schema: schema.items, selfChecking });
      }
      if (schema.type === 'object') visit(schema.properties);
    }
  };
  for (const step of [spec.parameters].flat()) {
    visit(step.properties);
    for (const dependency of Object.values<any>(step.dependencies ?? {})) {
      for (const branch of dependency.oneOf ?? []) visit(branch.properties);
    }
  }
  return found;
}

/** What the JSON Schema check decides for one value. */
function accepts(schema: StringParameter['schema'], value: string): boolean {
  if (schema.enum) return schema.enum.includes(value);
  if (schema.maxLength !== undefined && [...value].length > schema.maxLength) return false;
  return schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(value);
}

describe('template parameters', () => {
  let parameters: StringParameter[];

  beforeAll(async () => {
    parameters = [];
    for (const name of TEMPLATES) {
      const { template } = await loadTemplate(name);
      parameters.push(...stringParameters(name, template.spec));
    }
  });

  it('bound every free-text parameter with a pattern and a maximum length', () => {
    const free = parameters.filter(p => !p.schema.enum);
    expect(free.length).toBeGreaterThan(40);
    const unbounded = free
      .filter(p => (p.schema.pattern === undefined && !p.selfChecking) || p.schema.maxLength === undefined)
      .map(p => `${p.template}: ${p.key}`);
    expect(unbounded).toEqual([]);
    expect(free.filter(p => p.selfChecking).map(p => p.key)).toEqual(
      expect.arrayContaining(['namespace', 'sdNamespace', 'dependencies']),
    );
  });

  it('take a realistic value and refuse traversal, shell metacharacters, control characters and over-long values', () => {
    const wrong: string[] = [];
    for (const { template, key, schema, selfChecking } of parameters.filter(p => !p.schema.enum)) {
      const rules = PARAMETERS[key];
      if (!rules) {
        wrong.push(`${template}: ${key} has no test values`);
        continue;
      }
      if (!accepts(schema, rules.valid)) wrong.push(`${template}: ${key} refuses ${JSON.stringify(rules.valid)}`);
      const refused = [...(selfChecking ? [] : rules.refuses), 'a'.repeat((schema.maxLength ?? 0) + 1)];
      for (const value of refused) {
        if (accepts(schema, value)) wrong.push(`${template}: ${key} accepts ${JSON.stringify(value)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
