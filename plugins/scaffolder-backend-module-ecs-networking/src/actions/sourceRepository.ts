import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { sourceRepositoryOf } from '../repository/sourceRepository';
import { examples } from './sourceRepository.examples';
import { CapturedSchema, type Zod } from './zodSchema';

export const SOURCE_REPOSITORY_ACTION_ID = 'ecs-networking:source-repository';

// An entity ref, or nothing: a service without a component tag has none.
const ENTITY_REF =
  /^$|^[A-Za-z][A-Za-z0-9-]{0,62}:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\/)?[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

export function sourceRepositoryInputSchema(z: Zod) {
  return z.object({
    entityRef: z
      .string({
        description:
          'The catalog entity whose repository to find, e.g. component:default/checkout; empty for none',
      })
      .max(255, { message: 'at most 255 characters' })
      .regex(ENTITY_REF, {
        message: 'an entity reference such as component:default/checkout',
      })
      .default(''),
  });
}

type SourceRepositoryInput = ReturnType<
  ReturnType<typeof sourceRepositoryInputSchema>['parse']
>;

/**
 * `ecs-networking:source-repository`: the repository an entity's source
 * lives in (its `backstage.io/source-location`, else the directory of its
 * catalog-info.yaml), as the `repoUrl`, branch and path that
 * `publish:github:pull-request` and `publish:gitlab:merge-request` take.
 * Finding none is no failure: the template skips its pull request steps on
 * `found`, and `reason` says why (the demo's entities come from files).
 */
export function createSourceRepositoryAction(options: {
  catalog: CatalogService;
  integrations: ScmIntegrationRegistry;
}) {
  const { catalog, integrations } = options;
  const schema = new CapturedSchema(sourceRepositoryInputSchema);
  return createTemplateAction({
    id: SOURCE_REPOSITORY_ACTION_ID,
    description:
      "Finds the GitHub or GitLab repository, branch and directory of a catalog entity's source, for a pull request step.",
    examples,
    supportsDryRun: true,
    schema: {
      input: schema.factory,
      output: {
        found: z => z.boolean(),
        integrationType: z =>
          z.string({
            description: 'github or gitlab; empty when not found',
          }),
        repoUrl: z => z.string({ description: 'host?owner=…&repo=…' }),
        branch: z =>
          z.string({
            description: "The location's branch; empty for the default branch",
          }),
        directory: z =>
          z.string({
            description:
              "The entity's source directory in the repository; empty for its root",
          }),
        url: z => z.string({ description: 'The location it was found from' }),
        reason: z =>
          z.string({ description: 'Why there is none; empty when found' }),
      },
    },
    async handler(ctx) {
      const { entityRef } = schema.parse(
        ctx.input,
        SOURCE_REPOSITORY_ACTION_ID,
      ) as SourceRepositoryInput;
      const notFound = (reason: string) => {
        ctx.logger.info(`No repository to open a pull request on: ${reason}.`);
        ctx.output('found', false);
        for (const key of [
          'integrationType',
          'repoUrl',
          'branch',
          'directory',
          'url',
        ] as const)
          ctx.output(key, '');
        ctx.output('reason', reason);
      };
      if (!entityRef) {
        notFound(
          'no catalog entity was given (the service has no component tag)',
        );
        return;
      }
      const entity = await catalog.getEntityByRef(entityRef, {
        credentials: await ctx.getInitiatorCredentials(),
      });
      if (!entity) {
        notFound(`${entityRef} is not in the catalog`);
        return;
      }
      const result = sourceRepositoryOf(entity, integrations);
      if (!result.repository) {
        notFound(result.reason);
        return;
      }
      const { repository } = result;
      ctx.logger.info(
        `${entityRef} comes from ${repository.url}: ${
          repository.type
        } repository ${repository.repoUrl}, ${
          repository.branch ? `branch ${repository.branch}` : 'default branch'
        }, ${
          repository.directory
            ? `directory ${repository.directory}`
            : 'its root'
        }.`,
      );
      ctx.output('found', true);
      ctx.output('integrationType', repository.type);
      ctx.output('repoUrl', repository.repoUrl);
      ctx.output('branch', repository.branch);
      ctx.output('directory', repository.directory);
      ctx.output('url', repository.url);
      ctx.output('reason', '');
    },
  });
}
