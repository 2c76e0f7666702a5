import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import YAML from 'yaml';
import { staticSource } from '../__testUtils__/fixtures';
import { module } from '../__testUtils__/terraform';
import { createValidateTerraformAction } from './validateTerraform';
import { examples } from './validateTerraform.examples';

describe('ecs-networking:validate-terraform examples', () => {
  const dir = createMockDirectory({
    content: {
      'terraform/main.tf': module(),
      'infra/services/legacy-gateway/main.tf': module({
        serviceName: 'legacy-gateway',
        environment:
          '{ name = "ORDER_API", value = "http://order-service:8080" }',
      }),
    },
  });

  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_description, example) => {
      const { steps } = YAML.parse(example);
      expect(steps[0].action).toBe('ecs-networking:validate-terraform');
      const action = createValidateTerraformAction({ source: staticSource() });
      const ctx = createMockActionContext({
        input: steps[0].input,
        workspacePath: dir.path,
      });
      await expect(action.handler(ctx)).resolves.toBeUndefined();
      const files = (ctx.output as jest.Mock).mock.calls.find(
        ([name]) => name === 'files',
      )?.[1];
      expect(files).toHaveLength(1);
    },
  );
});
