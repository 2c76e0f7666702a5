import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CapturedSchema, type Zod } from './zodSchema';

const nameSchema = (z: Zod) => z.object({ name: z.string().min(1) });

describe('CapturedSchema', () => {
  it('refuses to pass input through unchecked when the schema was never built', () => {
    const schema = new CapturedSchema(nameSchema);
    expect(() => schema.parse({ name: '' }, 'test:action')).toThrow(
      'The input schema of test:action was never built',
    );
  });

  it('checks input against the schema the scaffolder built', () => {
    const schema = new CapturedSchema(nameSchema);
    createTemplateAction({
      id: 'test:action',
      schema: { input: schema.factory },
      async handler() {},
    });
    expect(schema.parse({ name: 'orders' }, 'test:action')).toEqual({
      name: 'orders',
    });
    expect(() => schema.parse({ name: '' }, 'test:action')).toThrow(InputError);
  });
});
