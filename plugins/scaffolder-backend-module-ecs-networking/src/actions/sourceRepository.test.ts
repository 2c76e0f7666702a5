import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import YAML from 'yaml';
import { createSourceRepositoryAction } from './sourceRepository';
import { examples } from './sourceRepository.examples';

const integrations = ScmIntegrations.fromConfig(mockServices.rootConfig());

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'legacy-gateway',
      annotations: {
        'backstage.io/source-location':
          'url:https://github.com/acme/shop-infra/tree/main/services/legacy-gateway/',
      },
    },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'user-service',
      annotations: {
        'backstage.io/managed-by-location':
          'file:/demo/examples/components.yaml',
      },
    },
    spec: {},
  },
];

async function run(input: Record<string, unknown>) {
  const catalog = catalogServiceMock({ entities });
  const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
  const action = createSourceRepositoryAction({ catalog, integrations });
  const ctx = createMockActionContext({ input: input as any });
  const error = await action.handler(ctx).then(
    () => undefined,
    (e: Error) => e,
  );
  const outputs = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls as [string, unknown][],
  );
  return { error, outputs, reads: getEntityByRef.mock.calls.length };
}

describe('ecs-networking:source-repository', () => {
  it("finds the repository and directory of the Component's source", async () => {
    const { error, outputs } = await run({
      entityRef: 'component:default/legacy-gateway',
    });
    expect(error).toBeUndefined();
    expect(outputs).toEqual({
      found: true,
      integrationType: 'github',
      repoUrl: 'github.com?owner=acme&repo=shop-infra',
      branch: 'main',
      directory: 'services/legacy-gateway',
      url: 'https://github.com/acme/shop-infra/tree/main/services/legacy-gateway/',
      reason: '',
    });
  });

  it.each([
    [
      'component:default/user-service',
      'comes from file:/demo/examples/components.yaml, not from a repository',
    ],
    [
      'component:default/nowhere',
      'component:default/nowhere is not in the catalog',
    ],
    ['', 'no catalog entity was given'],
  ])(
    'finds none for %j and says why, without failing the step',
    async (entityRef, reason) => {
      const { error, outputs } = await run({ entityRef });
      expect(error).toBeUndefined();
      expect(outputs).toMatchObject({
        found: false,
        integrationType: '',
        repoUrl: '',
        reason: expect.stringContaining(reason),
      });
    },
  );

  it.each([
    'component:default/a;b',
    "component:default/a'b",
    '../../etc',
    'a'.repeat(256),
  ])('refuses %j before reading the catalog', async entityRef => {
    const { error, reads } = await run({ entityRef });
    expect(error?.message).toContain('entityRef:');
    expect(reads).toBe(0);
  });

  it('runs its example, whose pull request steps follow the host type', async () => {
    const { steps } = YAML.parse(examples[0].example);
    const { outputs } = await run(steps[0].input);
    expect(outputs.integrationType).toBe('github');
    expect(
      steps
        .slice(1)
        .map((s: { action: string; if: string }) => [s.action, s.if]),
    ).toEqual([
      [
        'publish:github:pull-request',
        "${{ steps.repository.output.integrationType == 'github' }}",
      ],
      [
        'publish:gitlab:merge-request',
        "${{ steps.repository.output.integrationType == 'gitlab' }}",
      ],
    ]);
  });
});
