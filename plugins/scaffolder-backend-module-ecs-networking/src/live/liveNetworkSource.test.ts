import type {
  EstateSnapshots,
  StatusResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import { demoLikeNetwork } from '../__testUtils__/fixtures';
import { HttpLiveNetworkSource } from './liveNetworkSource';

function client() {
  const estate: EstateSnapshots = {
    generation: 1,
    scopes: demoLikeNetwork().statuses,
    snapshots: demoLikeNetwork().snapshots,
  };
  const fake: {
    estate: EstateSnapshots;
    getStatus: jest.Mock<Promise<StatusResponse>, []>;
    getSnapshots: jest.Mock<Promise<EstateSnapshots>, []>;
  } = {
    estate,
    getStatus: jest.fn(async () => ({
      generation: fake.estate.generation,
      scopes: fake.estate.scopes,
    })),
    getSnapshots: jest.fn(async () => fake.estate),
  };
  return fake;
}

describe('HttpLiveNetworkSource', () => {
  it('reads the snapshots again only when the generation moved on', async () => {
    const fake = client();
    const source = new HttpLiveNetworkSource(fake);
    const first = await source.load();
    expect(first.generation).toBe(1);
    expect(await source.load()).toBe(first);
    expect(fake.getSnapshots).toHaveBeenCalledTimes(1);

    fake.estate = { ...fake.estate, generation: 2 };
    const second = await source.load();
    expect(second).not.toBe(first);
    expect(second.generation).toBe(2);
    expect(fake.getSnapshots).toHaveBeenCalledTimes(2);
  });
});
