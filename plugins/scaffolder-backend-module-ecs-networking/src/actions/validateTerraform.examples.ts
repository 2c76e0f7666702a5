import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Check the Terraform a template rendered into ./terraform; account and region come from the aws provider block.',
    example: `steps:
  - id: validate-terraform
    action: ecs-networking:validate-terraform
    name: Check the generated Terraform
    input:
      path: terraform
`,
  },
  {
    description:
      'Check every .tf file under infra/ for a migration of a live service (its own names are not collisions).',
    example: `steps:
  - id: validate-terraform
    action: ecs-networking:validate-terraform
    name: Check the migration
    input:
      path: infra/**/*.tf
      accountId: '111111111111'
      region: eu-west-1
      intent: update
`,
  },
];
