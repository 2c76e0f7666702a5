import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { demoAwsConfig, LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { EstateReader } from '../EstateReader';

jest.setTimeout(60_000);

const CANARY = 'ecsnet-canary-7f3a9b';

describe('task definitions in the stored snapshot, read through the SDK', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAwsForSdk({ port: 0 });
  });
  afterAll(() => local?.close());

  it('keeps sizes and secret references, never environment values', async () => {
    const reader = new EstateReader({
      credentials: DefaultAwsCredentialsManager.fromConfig(new ConfigReader({ aws: demoAwsConfig() })),
      quotaShare: 1,
      concurrency: 4,
    });
    // What a sync stores: the snapshot after references are matched.
    const [result] = await reader.readEstate([{ accountId: '111111111111', region: 'eu-west-1' }]);
    const snapshot = result.snapshot!;
    const gateway = snapshot.taskDefinitions.find(td => td.family === 'legacy-gateway')!;

    expect(gateway).toMatchObject({ cpu: '1024', memory: '3072', requiresCompatibilities: ['FARGATE'] });
    const [main, envoy] = gateway.containers;
    expect(main.secrets).toEqual([
      {
        name: 'PARTNER_API_KEY',
        valueFrom: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:legacy-gateway/partner-api-key-Xy7Q2p',
      },
      {
        name: 'SIGNING_KEY',
        valueFrom: 'arn:aws:ssm:eu-west-1:111111111111:parameter/shop/legacy-gateway/signing-key',
      },
    ]);
    expect(envoy.secrets).toEqual([]);
    // The same container's SESSION_SECRET holds the canary in its environment:
    // only the address-valued ORDER_API survives, as a reference.
    expect(main.references.map(r => [r.source, r.text])).toEqual([
      [{ kind: 'environment', variable: 'ORDER_API' }, 'http://order-service:8080'],
    ]);
    expect(JSON.stringify(snapshot)).not.toContain(CANARY);
    expect(JSON.stringify(gateway)).not.toContain('SESSION_SECRET');
  });
});
