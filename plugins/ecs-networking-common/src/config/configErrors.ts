import { InputError } from '@backstage/errors';

/**
 * Throws an `InputError` that names the setting, e.g.
 * `ecsNetworking.tags.owner: must be a tag key of 1 to 128 characters`, so
 * a bad value is found from the message alone.
 *
 * @public
 */
export function invalidConfig(key: string, problem: string): never {
  throw new InputError(`${key}: ${problem}`);
}

/**
 * Runs one of Backstage's config reads; its errors (a wrong type or shape)
 * are thrown again with the setting's full key in front.
 *
 * @public
 */
export function readConfigAt<T>(key: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    return invalidConfig(key, `is invalid: ${(error as Error).message}`);
  }
}
