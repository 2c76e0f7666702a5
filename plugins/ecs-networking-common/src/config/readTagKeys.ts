import type { Config } from '@backstage/config';
import { TAG_KEY } from '../awsNameRules';
import { DEFAULT_TAG_KEYS, TagKeys } from '../tagKeys';
import { invalidConfig, readConfigAt } from './configErrors';

/**
 * AWS's limit on the length of a tag key. Only the length: the keys read
 * may be ones only AWS writes (`aws:`), which TAG_KEY refuses.
 */
const MAX_TAG_KEY_LENGTH = TAG_KEY.maxLength;

/**
 * Reads `ecsNetworking.tags` from the root config: the tag keys with their
 * defaults. The backend plugin and the scaffolder actions both read tags, and
 * both read the keys through this, so an owner means the same in both.
 *
 * @public
 */
export function readTagKeys(config: Config): TagKeys {
  const tags = readConfigAt('ecsNetworking.tags', () =>
    config.getOptionalConfig('ecsNetworking.tags'),
  );
  const tagKeys = { ...DEFAULT_TAG_KEYS };
  for (const name of Object.keys(DEFAULT_TAG_KEYS) as Array<keyof TagKeys>) {
    const key = `ecsNetworking.tags.${name}`;
    const value = readConfigAt(key, () => tags?.getOptionalString(name));
    if (value === undefined) continue;
    if (value.trim() === '' || value.length > MAX_TAG_KEY_LENGTH) {
      invalidConfig(key, `must be a tag key of 1 to ${MAX_TAG_KEY_LENGTH} characters`);
    }
    tagKeys[name] = value;
  }
  // One tag read as two things (an owner that is also the depends-on list)
  // would give each the other's values.
  const names = Object.keys(tagKeys) as Array<keyof TagKeys>;
  for (const name of names) {
    const other = names.find(n => n !== name && tagKeys[n] === tagKeys[name]);
    if (other) {
      invalidConfig('ecsNetworking.tags', `${name} and ${other} both read the tag "${tagKeys[name]}"`);
    }
  }
  return tagKeys;
}
