import { AwsError } from './AwsError';

export type JsonObject = Record<string, unknown>;

/**
 * Reads request members with the type checks the AWS front end makes before
 * an operation runs; each service supplies the error it answers with
 * (`InvalidParameterException` for ECS, `InvalidInput` for Cloud Map).
 */
export class InputReader {
  constructor(
    readonly raw: JsonObject,
    private readonly invalid: (message: string) => AwsError,
  ) {}

  string(name: string): string {
    const value = this.optString(name);
    if (value === undefined || value === '') {
      throw this.invalid(`${name} must be specified.`);
    }
    return value;
  }

  optString(name: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw this.invalid(`${name} must be a string.`);
    }
    return value;
  }

  optNumber(name: string): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw this.invalid(`${name} must be a number.`);
    }
    return value;
  }

  optBoolean(name: string): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'boolean') {
      throw this.invalid(`${name} must be a boolean.`);
    }
    return value;
  }

  optArray<T = unknown>(name: string): T[] | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      throw this.invalid(`${name} must be a list.`);
    }
    return value as T[];
  }

  optStrings(name: string): string[] | undefined {
    const list = this.optArray(name);
    if (list && list.some(item => typeof item !== 'string')) {
      throw this.invalid(`${name} must be a list of strings.`);
    }
    return list as string[] | undefined;
  }

  optObject<T = JsonObject>(name: string): T | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw this.invalid(`${name} must be a structure.`);
    }
    return value as T;
  }
}
