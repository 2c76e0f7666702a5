import type { EcsNetworkingApi } from '../api';
import { loadLiveNetwork } from './liveNetwork';

describe('loadLiveNetwork', () => {
  let now = 1_000_000;
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('reads once per 30 s, and hands out the same network while its generation stays', async () => {
    let generation = 4;
    const getSnapshots = jest.fn(async () => ({
      generation,
      scopes: [],
      snapshots: [],
    }));
    const api = { getSnapshots } as unknown as EcsNetworkingApi;

    const first = await loadLiveNetwork(api);
    expect(await loadLiveNetwork(api)).toBe(first);
    expect(getSnapshots).toHaveBeenCalledTimes(1);

    now += 31_000;
    // Read again, same generation: the same object, so the checks' baseline
    // (cached per live network) is kept.
    expect(await loadLiveNetwork(api)).toBe(first);
    expect(getSnapshots).toHaveBeenCalledTimes(2);

    now += 31_000;
    generation = 5;
    const next = await loadLiveNetwork(api);
    expect(next).not.toBe(first);
    expect(next.generation).toBe(5);
  });
});
