import { startLocalAwsForSdk } from '@ecs-net/aws-local';
import { analyzeNetwork } from '@ecs-net/plugin-ecs-networking-common';
import type { LocalAws } from '@ecs-net/aws-local';
import { createSync } from '../__testUtils__/harness';

jest.setTimeout(60_000);

describe('the demo estate', () => {
  let local: LocalAws;
  beforeAll(async () => {
    local = await startLocalAwsForSdk();
  });
  afterAll(() => local.close());

  it('yields exactly its deliberate wiring mistakes and its intended edges', async () => {
    const { sync, store } = await createSync();
    await sync.run();
    const snapshots = (await store.list()).flatMap(s => s.snapshot ?? []);
    const model = analyzeNetwork(snapshots);

    // The four mistakes listed at the top of estates/demo.yaml, and nothing else.
    expect(model.findings.map(f => `${f.ruleId} ${f.subject.name}`).sort()).toEqual([
      'app-mesh-in-use legacy-gateway',
      'dns-ttl-too-high mysql',
      'owner-tag-missing nightly-report',
      'service-connect-port-name payment-service',
    ]);
    expect(model.unresolved).toEqual([]);

    const name = (arn: string) => arn.split('/').pop();
    expect(model.edges.map(e => `${name(e.from)} -> ${name(e.to)} (${e.mechanism})`).sort()).toEqual([
      'app -> mysql (dns)',
      'ingest-worker -> analytics-service (dns)',
      'legacy-gateway -> order-service (connect)',
      'nightly-report -> product-service (connect)',
      'order-service -> mysql (dns)',
      'order-service -> product-service (connect)',
      'order-service -> user-service (connect)',
      'payment-service -> order-service (connect)',
      'product-service -> inventory-service (connect)',
    ]);

    // Service Connect metrics in CloudWatch add observed-traffic evidence.
    const toUsers = model.edges.find(
      e => name(e.from) === 'order-service' && name(e.to) === 'user-service',
    )!;
    expect(toUsers.evidence.map(ev => ev.kind).sort()).toEqual(['environment', 'metrics']);

    // The Spring Boot app is reached through its load balancer's DNS name.
    const app = model.services.find(s => s.name === 'app')!;
    const lb = model.endpoints.find(e => e.serviceArn === app.arn)!;
    expect(lb.mechanism).toBe('load-balancer');
    expect(lb.name).toMatch(/\.elb\.amazonaws\.com$/);
  });
});
