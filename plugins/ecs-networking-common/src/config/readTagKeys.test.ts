import { ConfigReader } from '@backstage/config';
import { DEFAULT_TAG_KEYS } from '../tagKeys';
import { readTagKeys } from './readTagKeys';

const withTags = (tags: string | Record<string, string | number>) => new ConfigReader({ ecsNetworking: { tags } });

describe('readTagKeys', () => {
  it('gives the defaults when nothing is configured', () => {
    expect(readTagKeys(new ConfigReader({}))).toEqual(DEFAULT_TAG_KEYS);
    expect(readTagKeys(new ConfigReader({ ecsNetworking: {} }))).toEqual(DEFAULT_TAG_KEYS);
  });

  it('replaces only the keys configured', () => {
    expect(readTagKeys(withTags({ owner: 'team', dependsOn: 'calls' }))).toEqual({
      ...DEFAULT_TAG_KEYS,
      owner: 'team',
      dependsOn: 'calls',
    });
  });

  it.each([
    ['an empty key', { owner: '' }, /^ecsNetworking\.tags\.owner: is invalid/],
    ['a blank key', { dependsOn: '  ' }, /^ecsNetworking\.tags\.dependsOn: must be a tag key of 1 to 128 characters$/],
    ['a key longer than AWS allows', { system: 'x'.repeat(129) }, /^ecsNetworking\.tags\.system: must be a tag key/],
    ['a key that is no string', { lifecycle: 3 }, /^ecsNetworking\.tags\.lifecycle: is invalid/],
    ['tags that are no object', 'owner', /^ecsNetworking\.tags: is invalid/],
    ['one tag read as two things', { dependsOn: 'owner' }, /^ecsNetworking\.tags: owner and dependsOn both read the tag "owner"$/],
  ])('rejects %s, naming the setting', (_what, tags, message) => {
    expect(() => readTagKeys(withTags(tags))).toThrow(message);
  });

  it('accepts a key of exactly 128 characters', () => {
    expect(readTagKeys(withTags({ system: 'x'.repeat(128) })).system).toBe('x'.repeat(128));
  });
});
