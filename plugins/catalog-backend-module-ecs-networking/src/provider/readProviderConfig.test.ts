import { ConfigReader } from '@backstage/config';
import { readProviderConfig } from './readProviderConfig';

describe('readProviderConfig', () => {
  it('has a default for everything', () => {
    expect(readProviderConfig(new ConfigReader({}))).toEqual({
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
        initialDelay: { seconds: 15 },
      },
      createComponents: false,
      defaultOwner: 'group:default/unknown',
    });
  });

  it('reads the schedule and createComponents of the provider, and the shared default owner', () => {
    const config = new ConfigReader({
      catalog: {
        providers: {
          ecsNetworking: {
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
            createComponents: true,
          },
        },
      },
      ecsNetworking: { ownership: { defaultOwner: 'group:default/platform-team' } },
    });
    expect(readProviderConfig(config)).toEqual({
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
      createComponents: true,
      defaultOwner: 'group:default/platform-team',
    });
  });

  it.each([
    ['a schedule without frequency', { schedule: { timeout: { minutes: 3 } } }, /^catalog\.providers\.ecsNetworking\.schedule: is invalid/],
    ['createComponents that is no boolean', { createComponents: 'maybe' }, /^catalog\.providers\.ecsNetworking\.createComponents: is invalid/],
    ['a provider setting that is no object', 'on', /^catalog\.providers\.ecsNetworking: is invalid/],
  ])('rejects %s, naming the setting', (_what, ecsNetworking, message) => {
    const config = new ConfigReader({ catalog: { providers: { ecsNetworking } } });
    expect(() => readProviderConfig(config)).toThrow(message);
  });

  it('rejects a default owner that is no group or user', () => {
    const config = new ConfigReader({
      ecsNetworking: { ownership: { defaultOwner: 'component:default/x' } },
    });
    expect(() => readProviderConfig(config)).toThrow(
      /^ecsNetworking\.ownership\.defaultOwner: must name a group or a user/,
    );
  });
});
