import { ConfigReader } from '@backstage/config';
import { readDefaultOwner } from './readDefaultOwner';

const withOwner = (defaultOwner: string | number) =>
  new ConfigReader({ ecsNetworking: { ownership: { defaultOwner } } });

describe('readDefaultOwner', () => {
  it('is group:default/unknown when nothing is configured', () => {
    expect(readDefaultOwner(new ConfigReader({}))).toBe('group:default/unknown');
  });

  it.each(['group:default/platform-team', 'platform-team', 'user:default/jane', 'Group:ops/sre'])(
    'keeps %s as written',
    owner => {
      expect(readDefaultOwner(withOwner(owner))).toBe(owner);
    },
  );

  it.each([
    ['no entity ref', 'group:default/', /^ecsNetworking\.ownership\.defaultOwner: is invalid/],
    ['no string', 7, /^ecsNetworking\.ownership\.defaultOwner: is invalid/],
    ['neither a group nor a user', 'component:default/x', /must name a group or a user, got "component:default\/x"$/],
  ])('rejects a value that is %s', (_what, owner, message) => {
    expect(() => readDefaultOwner(withOwner(owner))).toThrow(message);
  });
});
