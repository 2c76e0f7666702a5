import { InputError } from '@backstage/errors';
import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';

type InputFactories = NonNullable<
  NonNullable<TemplateActionOptions['schema']>['input']
>;

/** The zod (v3 API) the scaffolder hands to schema factories. */
export type Zod = Parameters<InputFactories[string]>[0];
type ZodType = ReturnType<InputFactories[string]>;

/**
 * A schema factory that keeps the schema it built. The scaffolder turns the
 * schema into JSON Schema and checks step input against it before a step
 * runs; the action parses its input with the very same zod schema again, so
 * that calls which skip that check (tests, other callers) get the same rules,
 * with the messages written here instead of bare pattern mismatches.
 */
export class CapturedSchema<T extends ZodType> {
  private schema?: T;

  constructor(private readonly build: (z: Zod) => T) {}

  /** Pass this as `schema.input` to `createTemplateAction`. */
  readonly factory = (z: Zod): T => {
    this.schema = this.build(z);
    return this.schema;
  };

  /**
   * Parses `input`, throwing one InputError that lists every problem
   * (`serviceName: must be 1-255 characters ...`). Without a schema there
   * is nothing to check against, and input that was never checked must not
   * run, so that throws too.
   */
  parse(input: unknown, what: string): unknown {
    if (!this.schema) {
      throw new Error(
        `The input schema of ${what} was never built; pass its factory to createTemplateAction before running it.`,
      );
    }
    const result = this.schema.safeParse(input);
    if (result.success) return result.data;
    const lines = result.error.issues.map(issue => {
      const path = issue.path.join('.') || '(input)';
      return `  - ${path}: ${issue.message}`;
    });
    throw new InputError(`Invalid input for ${what}:\n${lines.join('\n')}`);
  }
}

/**
 * A step output as plain JSON data. The scaffolder's template engine accepts
 * only plain arrays and objects of its own realm; values built from Node APIs
 * (fs.readdir, fetch) can come from another one under test sandboxes.
 */
export function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
