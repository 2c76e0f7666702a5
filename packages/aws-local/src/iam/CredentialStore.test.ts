import { CredentialStore } from './CredentialStore';

describe('CredentialStore', () => {
  const store = new CredentialStore();
  store.addAccessKey('AKIACALLER0000000001', '111111111111', 'caller');
  store.addRole('222222222222', 'reader');
  const caller = {
    accountId: '111111111111',
    arn: 'arn:aws:iam::111111111111:user/caller',
    userId: 'AIDA',
  };

  it('resolves session credentials from the key and token alone, until they expire', () => {
    const issuedAt = new Date('2030-01-01T00:00:00Z');
    const session = store.assumeRole(
      caller,
      'arn:aws:iam::222222222222:role/reader',
      'ci',
      900,
      issuedAt,
    );
    // A fresh store (an endpoint restarted since) still recognises the session.
    const restarted = new CredentialStore();
    restarted.addAccount('222222222222');
    expect(
      restarted.resolve(
        session.accessKeyId,
        session.sessionToken,
        new Date('2030-01-01T00:10:00Z'),
      ),
    ).toEqual({
      principal: {
        accountId: '222222222222',
        arn: 'arn:aws:sts::222222222222:assumed-role/reader/ci',
        userId: expect.stringMatching(/^AROA[A-Z2-7]+:ci$/),
      },
    });
    expect(
      restarted.resolve(
        session.accessKeyId,
        session.sessionToken,
        new Date('2030-01-01T00:15:01Z'),
      ),
    ).toEqual({
      problem: 'expired',
    });
  });

  it('does not accept a token minted for another key', () => {
    const a = store.assumeRole(
      caller,
      'arn:aws:iam::222222222222:role/reader',
      'a',
      900,
    );
    const b = store.assumeRole(
      caller,
      'arn:aws:iam::222222222222:role/reader',
      'b',
      900,
    );
    expect(store.resolve(a.accessKeyId, b.sessionToken)).toEqual({
      problem: 'unrecognized',
    });
  });
});
