import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import YAML from 'yaml';
import { staticSource } from '../__testUtils__/fixtures';
import { createValidateAction } from './validate';
import { examples } from './validate.examples';

describe('ecs-networking:validate examples', () => {
  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_description, example) => {
      const { steps } = YAML.parse(example);
      expect(steps).toHaveLength(1);
      expect(steps[0].action).toBe('ecs-networking:validate');
      const action = createValidateAction({ source: staticSource() });
      const ctx = createMockActionContext({ input: steps[0].input });
      await expect(action.handler(ctx)).resolves.toBeUndefined();
      const endpoints = (ctx.output as jest.Mock).mock.calls.find(
        ([name]) => name === 'endpoints',
      )?.[1];
      expect(endpoints.length).toBeGreaterThan(0);
    },
  );
});
