import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ACCOUNT_ID,
  blocks,
  checkPlan,
  DEFAULT_TAG_KEYS,
  formatProblems,
  orderProblems,
  type Problem,
  REGION,
  type TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import type { LiveNetworkSource } from '../live/liveNetworkSource';
import { WORKSPACE_GLOB } from '../plan/syntax';
import { extractPlans } from '../terraform/extractPlans';
import { readTerraform } from '../terraform/readTerraform';
import { logProblems, PlanRejectedError } from './planRejected';
import { examples } from './validateTerraform.examples';
import { ruleString } from '@ecs-net/plugin-ecs-networking-node';
import { CapturedSchema, plain, type Zod } from './zodSchema';

export const VALIDATE_TERRAFORM_ACTION_ID = 'ecs-networking:validate-terraform';

/** The input of `ecs-networking:validate-terraform`. */
export function validateTerraformInputSchema(z: Zod) {
  return z.object({
    path: ruleString(
      z,
      WORKSPACE_GLOB,
      'Directory (its *.tf files) or glob (terraform/**/*.tf) in the workspace',
    ).default('.'),
    accountId: ruleString(
      z,
      ACCOUNT_ID,
      'Account the service is for; else the aws provider allowed_account_ids',
    ).optional(),
    region: ruleString(
      z,
      REGION,
      'Region the service is for; else the aws provider region',
    ).optional(),
    intent: z
      .enum(['create', 'update'], {
        description:
          'create: a live service of the same name is a collision; update: the files change that live service (migration)',
      })
      .default('create'),
    failOnWarnings: z
      .boolean({
        description: 'Fail on warnings too (default: only errors fail)',
      })
      .default(false),
  });
}

type ValidateTerraformInput = ReturnType<
  ReturnType<typeof validateTerraformInputSchema>['parse']
>;

/**
 * `ecs-networking:validate-terraform`: reads the Terraform a template
 * rendered into the workspace, extracts each ECS service with its task
 * definition and Cloud Map services, and applies the same checks as
 * `ecs-networking:validate` to what was actually generated.
 */
export function createValidateTerraformAction(options: {
  source: LiveNetworkSource;
  tagKeys?: TagKeys;
}) {
  const tagKeys = options.tagKeys ?? DEFAULT_TAG_KEYS;
  const schema = new CapturedSchema(validateTerraformInputSchema);
  return createTemplateAction({
    id: VALIDATE_TERRAFORM_ACTION_ID,
    description:
      'Parses the generated Terraform (task definition container definitions from a literal locals list, aws_ecs_service, aws_service_discovery_service) and checks the wiring against the live ECS network: port name linkage, namespaces, collisions, records vs network mode, TTL, health checks, dependencies. Fails listing every problem.',
    examples,
    supportsDryRun: true,
    schema: {
      input: schema.factory,
      output: {
        files: z =>
          z.array(z.string(), { description: 'Terraform files read' }),
        services: z =>
          z.array(
            z.object({
              address: z.string(),
              name: z.string(),
              cluster: z.string(),
              endpoints: z.array(z.string()),
              dependencies: z.array(z.string()),
            }),
            {
              description:
                'Each aws_ecs_service found, the endpoints it will answer on and those it calls',
            },
          ),
        warnings: z =>
          z.array(z.string(), { description: 'Problems that do not block' }),
      },
    },
    async handler(ctx) {
      const output: typeof ctx.output = (name, value) =>
        ctx.output(name, plain(value));
      const input = schema.parse(
        ctx.input,
        VALIDATE_TERRAFORM_ACTION_ID,
      ) as ValidateTerraformInput;
      const { files, document, syntaxErrors } = await readTerraform(
        ctx.workspacePath,
        input.path,
      );
      const problems: Problem[] = syntaxErrors.map(e => ({
        severity: 'error',
        ruleId: 'terraform-syntax',
        message: `${e.file} does not parse as HCL: ${e.message}`,
        source: e.file,
      }));
      if (files.length === 0) {
        throw new InputError(
          `No Terraform (*.tf) files at "${input.path}" in the workspace.`,
        );
      }
      const extracted = extractPlans(document, {
        accountId: input.accountId,
        region: input.region,
        intent: input.intent,
      });
      if (extracted.length === 0 && syntaxErrors.length === 0) {
        problems.push({
          severity: 'error',
          ruleId: 'terraform-no-service',
          message: `${files.join(
            ', ',
          )} define no aws_ecs_service, so there is no wiring to check.`,
        });
      }
      const services: {
        address: string;
        name: string;
        cluster: string;
        endpoints: string[];
        dependencies: string[];
      }[] = [];
      const live = extracted.some(e => e.plan)
        ? await options.source.load()
        : undefined;
      for (const { address, plan, problems: extractProblems } of extracted) {
        problems.push(...extractProblems);
        if (!plan || !live) continue;
        const result = checkPlan(plan, live, { tagKeys });
        problems.push(...result.problems);
        services.push({
          address,
          name: plan.serviceName,
          cluster: result.resolved.cluster,
          endpoints: result.resolved.endpoints,
          dependencies: result.resolved.dependencies.map(d => d.resolved),
        });
      }
      // Every problem once, errors first.
      const ordered = orderProblems(problems);
      output('files', files);
      output('services', services);
      output(
        'warnings',

        ordered
          .filter(p => p.severity === 'warning')
          .map(p => `${p.message} [${p.ruleId}]`),
      );
      if (blocks(ordered, input.failOnWarnings)) {
        throw new PlanRejectedError(
          formatProblems(
            `The generated Terraform (${files.join(', ')})`,
            ordered,
          ),
        );
      }
      logProblems(
        ctx.logger,
        ordered.filter(p => p.severity === 'warning'),
      );
      ctx.logger.info(
        `Terraform checks out: ${services
          .map(
            s =>
              `${s.cluster}/${s.name} answers on ${
                s.endpoints.join(', ') || 'no endpoint'
              }`,
          )
          .join('; ')}.`,
      );
    },
  });
}
