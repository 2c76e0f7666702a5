import { ConfigReader } from '@backstage/config';
import { readEcsNetworkingConfig } from './config';
import { DEFAULT_REMOVAL_GUARD } from './sync/removalGuard';

type ConfigData = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

const ACCOUNT = { accountId: '111111111111', regions: ['eu-west-1'] };

function read(ecsNetworking: ConfigData) {
  return readEcsNetworkingConfig(new ConfigReader({ ecsNetworking }));
}

function withAccount(account: ConfigData, extra: ConfigData = {}): ConfigData {
  return { accounts: [{ ...ACCOUNT, ...account }], ...extra };
}

describe('readEcsNetworkingConfig', () => {
  it('reads a valid configuration with its defaults', () => {
    const config = read(withAccount({ clusters: ['shop'] }));
    expect(config.scopes).toEqual([
      {
        accountId: '111111111111',
        region: 'eu-west-1',
        clusters: ['shop'],
        removalGuard: DEFAULT_REMOVAL_GUARD,
      },
    ]);
    expect(config.concurrency).toBe(8);
    expect(config.schedule).toMatchObject({ frequency: { minutes: 5 } });
    expect(config.catalogSchedule).toMatchObject({ frequency: { minutes: 1 } });
    expect(DEFAULT_REMOVAL_GUARD).toEqual({
      enabled: true,
      minShare: 0.5,
      minServices: 5,
      confirmAfterMs: 0,
    });
  });

  it('reads the removal guard, and an account override of it', () => {
    const config = read({
      accounts: [
        { ...ACCOUNT, removalGuard: { enabled: false } },
        { accountId: '222222222222', regions: ['us-east-1', 'eu-west-1'] },
      ],
      removalGuard: { minShare: 0.8, minServices: 2, confirmAfter: { hours: 1, minutes: 30 } },
    });
    const guard = { enabled: true, minShare: 0.8, minServices: 2, confirmAfterMs: 90 * 60_000 };
    expect(config.scopes.map(s => [s.accountId, s.region, s.removalGuard])).toEqual([
      ['111111111111', 'eu-west-1', { ...guard, enabled: false }],
      ['222222222222', 'us-east-1', guard],
      ['222222222222', 'eu-west-1', guard],
    ]);
    expect(read(withAccount({}, { removalGuard: { confirmAfter: '2h' } })).scopes[0]).toMatchObject({
      removalGuard: { confirmAfterMs: 2 * 3600_000 },
    });
  });

  // Each of these was accepted before: a read with no workers, or filters
  // that match nothing, "succeeds" with an empty snapshot.
  it.each([
    ['concurrency 0', { concurrency: 0 }, /ecsNetworking\.concurrency: must be a whole number from 1 to 100, got 0/],
    ['negative concurrency', { concurrency: -4 }, /ecsNetworking\.concurrency/],
    ['fractional concurrency', { concurrency: 2.5 }, /ecsNetworking\.concurrency/],
    ['huge concurrency', { concurrency: 10_000 }, /ecsNetworking\.concurrency/],
  ])('rejects %s', (_, extra, message) => {
    expect(() => read(withAccount({}, extra))).toThrow(message);
  });

  it.each([
    ['a region with a typo', { regions: ['eu-wset-1'] }, /accounts\[0\]\.regions: "eu-wset-1" is not an AWS region/],
    ['an availability zone as a region', { regions: ['eu-west-1a'] }, /"eu-west-1a" is not an AWS region/],
    ['a region of another partition', { regions: ['us-gov-west-1', 'cn-northwest-1', 'us-isob-east-1', 'eu-wets-2'] }, /"eu-wets-2" is not/],
    ['a region listed twice', { regions: ['eu-west-1', 'eu-west-1'] }, /lists region eu-west-1 more than once/],
    ['an empty cluster list', { clusters: [] }, /accounts\[0\]\.clusters: is empty; leave it out/],
    ['an empty cluster name', { clusters: ['shop', ' '] }, /accounts\[0\]\.clusters: holds an empty name/],
    ['an empty namespace list', { namespaces: [] }, /accounts\[0\]\.namespaces: is empty/],
    ['a cluster filter that is not a list', { clusters: 'shop' }, /accounts\[0\]\.clusters: is invalid/],
  ])('rejects %s', (_, account, message) => {
    expect(() => read(withAccount(account))).toThrow(message);
  });

  it('rejects the same account × region listed in two entries', () => {
    expect(() =>
      read({ accounts: [ACCOUNT, { ...ACCOUNT, regions: ['us-east-1', 'eu-west-1'] }] }),
    ).toThrow(/accounts\[1\]\.regions: account 111111111111 lists region eu-west-1 more than once/);
  });

  it.each([
    ['an empty tag key', { tags: { owner: '' } }, /ecsNetworking\.tags\.owner: is invalid/],
    ['a blank tag key', { tags: { dependsOn: '  ' } }, /ecsNetworking\.tags\.dependsOn: must be a tag key of 1 to 128/],
    ['a tag key longer than AWS allows', { tags: { system: 'x'.repeat(129) } }, /tags\.system/],
    ['one tag read as two things', { tags: { dependsOn: 'owner' } }, /owner and dependsOn both read the tag "owner"/],
    ['a default owner that is no entity ref', { ownership: { defaultOwner: 'group:default/' } }, /ownership\.defaultOwner: is invalid/],
    ['a default owner that is no group or user', { ownership: { defaultOwner: 'component:default/x' } }, /ownership\.defaultOwner: must name a group or a user/],
    ['a schedule without a timeout', { schedule: { frequency: { minutes: 5 } } }, /ecsNetworking\.schedule: is invalid/],
    ['a schedule with an unknown unit', { schedule: { frequency: { minutes: 5 }, timeout: { minuets: 4 } } }, /ecsNetworking\.schedule: is invalid/],
    ['a catalog schedule without a timeout', { catalogSchedule: { frequency: { minutes: 1 } } }, /ecsNetworking\.catalogSchedule: is invalid/],
    ['a minShare of 0', { removalGuard: { minShare: 0 } }, /ecsNetworking\.removalGuard\.minShare: must be a share from 0.01 to 1/],
    ['a minShare above 1', { removalGuard: { minShare: 1.5 } }, /removalGuard\.minShare/],
    ['a negative minServices', { removalGuard: { minServices: -1 } }, /removalGuard\.minServices: must be a whole number/],
    ['a negative confirmAfter', { removalGuard: { confirmAfter: { minutes: -5 } } }, /removalGuard\.confirmAfter: must be a duration of zero or more/],
    ['a confirmAfter in months', { removalGuard: { confirmAfter: { months: 1 } } }, /removalGuard\.confirmAfter: must be given in weeks/],
    ['a confirmAfter that is no duration', { removalGuard: { confirmAfter: 'soon' } }, /removalGuard\.confirmAfter: is invalid/],
    ['an enabled flag that is no boolean', { removalGuard: { enabled: 'maybe' } }, /removalGuard\.enabled: is invalid/],
  ])('rejects %s', (_, extra, message) => {
    expect(() => read(withAccount({}, extra))).toThrow(message);
  });

  it('rejects a bad account override of the removal guard, naming the account entry', () => {
    expect(() => read(withAccount({ removalGuard: { minShare: 2 } }))).toThrow(
      /ecsNetworking\.accounts\[0\]\.removalGuard\.minShare/,
    );
  });

  it('still rejects what it rejected before, with messages that name the setting', () => {
    expect(() => read(withAccount({ accountId: '1234' }))).toThrow(
      /accounts\[0\]\.accountId: "1234" is not a 12-digit AWS account id/,
    );
    expect(() => read(withAccount({ regions: [] }))).toThrow(/lists no regions/);
    expect(() => read(withAccount({}, { quotaShare: 0 }))).toThrow(/quotaShare: must be between 0.1 and 1/);
    expect(() => read(withAccount({}, { requestTimeoutMs: 0 }))).toThrow(/requestTimeoutMs/);
  });

  it('reads the events topics of live updates, off by default', () => {
    expect(read(withAccount({})).eventTopics).toEqual([]);
    expect(read(withAccount({}, { events: { topics: ['ecs-changes'] } })).eventTopics).toEqual([
      'ecs-changes',
    ]);
    expect(() => read(withAccount({}, { events: { topics: [] } }))).toThrow(
      /ecsNetworking\.events\.topics: must name at least one events topic/,
    );
  });

  it('reads drift, on with a 7-day wait by default, and rejects a bad value naming it', () => {
    expect(read(withAccount({})).drift).toEqual({ enabled: true, notObservedAfterMs: 7 * 24 * 3600_000 });
    expect(read(withAccount({}, { drift: { enabled: false, notObservedAfter: '12h' } })).drift).toEqual({
      enabled: false,
      notObservedAfterMs: 12 * 3600_000,
    });
    expect(read(withAccount({}, { drift: { notObservedAfter: { days: 0 } } })).drift.notObservedAfterMs).toBe(0);
    expect(() => read(withAccount({}, { drift: { notObservedAfter: { months: 1 } } }))).toThrow(
      /ecsNetworking\.drift\.notObservedAfter: must be given in weeks, days, hours, minutes or seconds/,
    );
    expect(() => read(withAccount({}, { drift: { enabled: 'sometimes' } }))).toThrow(/ecsNetworking\.drift\.enabled/);
  });
});
