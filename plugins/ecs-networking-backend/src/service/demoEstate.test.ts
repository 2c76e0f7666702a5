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
      'loyalty-service -> user-service (connect)',
      'nightly-report -> product-service (connect)',
      'order-service -> loyalty-service (connect)',
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

    // The shop's namespace, shared with 222222222222: read by both accounts,
    // held once under its owner, and the calls through it cross accounts.
    const shared = model.namespaces.filter(
      ns => ns.name === 'sc.local' && ns.region === 'eu-west-1',
    );
    expect(shared).toEqual([
      expect.objectContaining({ accountId: '111111111111', sharedWith: ['222222222222'] }),
    ]);
    const account = new Map(model.services.map(s => [s.arn, s.accountId]));
    const across = model.edges
      .filter(e => account.get(e.from) !== account.get(e.to))
      .map(e => `${account.get(e.from)}:${name(e.from)} -> ${account.get(e.to)}:${name(e.to)}`);
    expect(across.sort()).toEqual([
      '111111111111:order-service -> 222222222222:loyalty-service',
      '222222222222:loyalty-service -> 111111111111:user-service',
    ]);

    // TLS, timeouts, access logs and VPC Lattice, as ECS returns them.
    const endpointOf = (service: string, mechanism = 'connect') =>
      model.endpoints.find(
        e =>
          e.mechanism === mechanism &&
          e.region === 'eu-west-1' &&
          name(e.serviceArn) === service,
      )!;
    expect(endpointOf('order-service')).toMatchObject({
      tls: { certificateAuthorityArn: expect.stringMatching(/^arn:aws:acm-pca:/) },
      timeout: { idleTimeoutSeconds: 600, perRequestTimeoutSeconds: 30 },
    });
    expect(endpointOf('user-service').accessLog).toEqual({
      format: 'JSON',
      includeQueryParameters: 'DISABLED',
    });
    expect(endpointOf('product-service', 'lattice')).toMatchObject({
      portName: 'http',
      targetGroupArn: expect.stringMatching(/^arn:aws:vpc-lattice:eu-west-1:111111111111:targetgroup\//),
    });
  });
});
