import type { LiveNetwork } from '@ecs-net/plugin-ecs-networking-common';
import { demoLikeNetwork } from '@ecs-net/plugin-ecs-networking-common/testing';
import type { LiveNetworkSource } from '../live/liveNetworkSource';

export {
  demoLikeNetwork,
  demoLikeSnapshots,
} from '@ecs-net/plugin-ecs-networking-common/testing';

/** A source that serves fixed live state and counts reads. */
export function staticSource(
  network: LiveNetwork = demoLikeNetwork(),
): LiveNetworkSource & { loads: number } {
  const source = {
    loads: 0,
    async load() {
      source.loads++;
      return network;
    },
  };
  return source;
}
