import { analyzeNetwork } from '@ecs-net/plugin-ecs-networking-common';
import type { LocalAws } from '@ecs-net/aws-local';
import { createSync, startLocalEndpoint } from '../__testUtils__/harness';

jest.setTimeout(60_000);

describe('the demo estate', () => {
  let local: LocalAws;
  beforeAll(async () => {
    local = await startLocalEndpoint();
  });
  afterAll(() => local.close());

  it('yields exactly the deliberate wiring mistakes', async () => {
    const { sync, store } = await createSync();
    await sync.run();
    const snapshots = (await store.list()).flatMap(s => s.snapshot ?? []);
    const model = analyzeNetwork(snapshots);
    const found = model.findings.map(f => `${f.ruleId} ${f.subject.name}`).sort();
    console.log(found, model.unresolved, model.edges.map(e => `${e.from.split('/').pop()} -> ${e.to.split('/').pop()} via ${e.endpointId}`));
  });
});
