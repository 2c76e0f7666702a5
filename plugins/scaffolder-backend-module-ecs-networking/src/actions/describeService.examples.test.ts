import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { ANNOTATIONS } from '@ecs-net/plugin-ecs-networking-common';
import YAML from 'yaml';
import { staticSource } from '../__testUtils__/fixtures';
import { createDescribeServiceAction } from './describeService';
import { examples } from './describeService.examples';

describe('ecs-networking:describe-service examples', () => {
  it('reads the service of the first example', async () => {
    const { steps } = YAML.parse(examples[0].example);
    const action = createDescribeServiceAction({ source: staticSource() });
    const ctx = createMockActionContext({ input: steps[0].input });
    await expect(action.handler(ctx)).resolves.toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith('serviceName', 'legacy-gateway');
  });

  it('takes the ARN from the annotation the catalog module writes', () => {
    const { steps } = YAML.parse(examples[1].example);
    expect(steps.map((s: { action: string }) => s.action)).toEqual([
      'catalog:fetch',
      'ecs-networking:describe-service',
    ]);
    expect(steps[1].input.serviceArn).toContain(
      `annotations['${ANNOTATIONS.serviceArn}']`,
    );
  });
});
