import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import type { BlastRadiusResponse } from '@ecs-net/plugin-ecs-networking-common';
import type express from 'express';
import request from 'supertest';
import { component, createSync, servedApi } from '../__testUtils__/harness';

// A real sync of the demo estate through the SDK, on a possibly loaded machine.
jest.setTimeout(120_000);

describe('GET /blast-radius', () => {
  let local: LocalAws;
  let app: express.Express;
  const get = async (query: string, status = 200) =>
    (await request(app).get(`/blast-radius${query}`).set('authorization', mockCredentials.user.header()).expect(status))
      .body;
  const byHop = (radius: BlastRadiusResponse) => radius.callers.map(c => `${c.hop} ${c.service.name} ${c.service.accountId}`);

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    const engine = await createSync();
    await engine.sync.run();
    app = servedApi(
      engine,
      catalogServiceMock({ entities: [component('user-service')] }),
    );
  });
  afterAll(() => local.close());

  it("gives an entity's callers by hop, across accounts, with the owners to page", async () => {
    const radius: BlastRadiusResponse = await get('?entityRef=component:user-service&hops=1');
    // The Component links user-service in both regions.
    expect(radius.targets.map(t => `${t.name} ${t.region}`)).toEqual(['user-service eu-west-1', 'user-service us-east-1']);
    // loyalty-service calls it from the partner account, through the shared namespace.
    expect(byHop(radius)).toEqual(['1 loyalty-service 222222222222', '1 order-service 111111111111']);
    expect(radius.callers[1]).toEqual({
      hop: 1,
      service: expect.objectContaining({ name: 'order-service', owner: 'group:default/team-orders' }),
      calls: [
        {
          to: 'arn:aws:ecs:eu-west-1:111111111111:service/shop/user-service',
          toName: 'user-service',
          endpointId: 'connect:111111111111:eu-west-1:sc.local:user-service:8080',
          endpoint: 'user-service:8080',
          mechanism: 'connect',
        },
      ],
    });
    expect(radius.owners).toEqual(['group:default/team-loyalty', 'group:default/team-orders']);
  });

  it("gives an endpoint's callers, found by its name, and their callers at the next hop", async () => {
    const one: BlastRadiusResponse = await get('?endpoint=mysql.app&hops=1');
    expect(byHop(one)).toEqual(['1 app 111111111111', '1 order-service 111111111111']);
    expect(one.callers.flatMap(c => c.calls.map(call => `${call.endpoint} ${call.mechanism}`))).toEqual([
      'mysql.app dns',
      'mysql.app dns',
    ]);
    const two: BlastRadiusResponse = await get('?endpoint=mysql.app&hops=2');
    expect(byHop(two)).toEqual([
      '1 app 111111111111',
      '1 order-service 111111111111',
      '2 legacy-gateway 111111111111',
      '2 payment-service 111111111111',
    ]);
  });
});
