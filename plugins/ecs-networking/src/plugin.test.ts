import { ecsNetworkingApiRef } from './api';
import { ecsNetworkingPlugin } from './plugin';

describe('ecsNetworkingPlugin (legacy frontend system)', () => {
  it('is the ecs-networking plugin and provides its API client', () => {
    expect(ecsNetworkingPlugin.getId()).toBe('ecs-networking');
    expect([...ecsNetworkingPlugin.getApis()].map(f => f.api.id)).toEqual([
      ecsNetworkingApiRef.id,
    ]);
  });
});
