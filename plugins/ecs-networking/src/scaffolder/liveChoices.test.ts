import type { LiveNetwork } from '@ecs-net/plugin-ecs-networking-common';
import { demoLikeNetwork } from '@ecs-net/plugin-ecs-networking-common/testing';
import { clusterDefaultNamespace, liveChoices } from './liveChoices';

function live(): LiveNetwork {
  const network = demoLikeNetwork();
  // A configured scope whose last read failed.
  network.statuses.push({
    ...network.statuses[0],
    accountId: '222222222222',
    stale: true,
    lastError: 'AccessDenied',
  });
  return network;
}

describe('liveChoices', () => {
  it('offers the configured accounts with their regions', () => {
    expect(liveChoices('account', live(), {}, {})).toEqual([
      { value: '111111111111', detail: 'eu-west-1, us-east-1' },
      { value: '222222222222', detail: 'eu-west-1' },
    ]);
  });

  it("offers the regions read in the form's account, saying how the last read went", () => {
    expect(
      liveChoices('region', live(), {}, { accountId: '222222222222' }),
    ).toEqual([
      {
        value: 'eu-west-1',
        detail: '222222222222 last read failed (AccessDenied)',
      },
    ]);
  });

  it("offers the live clusters of the form's scope with their default namespace", () => {
    const form = { accountId: '111111111111', region: 'eu-west-1' };
    expect(liveChoices('cluster', live(), {}, form)).toEqual([
      {
        value: 'shop',
        detail:
          '111111111111 / eu-west-1 · default namespace sc.local (HTTP) · 4 services',
      },
      {
        value: 'web',
        detail:
          '111111111111 / eu-west-1 · no default Service Connect namespace · 1 service',
      },
    ]);
  });

  it("names the cluster's default namespace, for the namespace picker to start from", () => {
    const scope = { accountId: '111111111111', region: 'eu-west-1' };
    expect(clusterDefaultNamespace(live(), scope, 'shop')).toBe('sc.local');
    expect(clusterDefaultNamespace(live(), scope, 'web')).toBeUndefined();
  });
});
