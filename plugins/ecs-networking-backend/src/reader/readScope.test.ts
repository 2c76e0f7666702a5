import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import type { LocalAws } from '@ecs-net/aws-local';
import { mockClient } from 'aws-sdk-client-mock';
import { CallStats } from '../aws/CallStats';
import { createScopeClients, ScopePacer } from '../aws/scopeClients';
import { startLocalEndpoint } from '../__testUtils__/harness';
import { readScope } from './readScope';
import { TaskDefinitionCache } from './TaskDefinitionCache';

jest.setTimeout(30_000);

function awsError(name: string) {
  return Object.assign(new Error(`${name} from CloudWatch`), { name, $metadata: {} });
}

describe('readScope optional reads', () => {
  let local: LocalAws;
  const cloudWatch = mockClient(CloudWatchClient);

  beforeAll(async () => {
    local = await startLocalEndpoint();
  });
  afterAll(async () => {
    cloudWatch.restore();
    await local.close();
  });

  function read() {
    return readScope({
      scope: { accountId: '111111111111', region: 'eu-west-1' },
      clients: createScopeClients({
        region: 'eu-west-1',
        credentials: async () => ({ accessKeyId: 'AKIADEMO111111111111', secretAccessKey: 'demo' }),
        pacer: new ScopePacer(1),
        stats: new CallStats(),
      }),
      taskDefinitions: new TaskDefinitionCache(),
      concurrency: 4,
    });
  }

  it('reads everything else and says what it skipped when metrics are denied', async () => {
    cloudWatch.on(ListMetricsCommand).rejects(awsError('AccessDenied'));
    const snapshot = await read();
    expect(snapshot.skipped).toEqual(['cloudwatch:ListMetrics (AccessDenied)']);
    expect(snapshot.observedCalls).toEqual([]);
    expect(snapshot.services.map(s => s.name)).toContain('order-service');
  });

  it('fails the read on any other error, so the last good snapshot is kept', async () => {
    cloudWatch.on(ListMetricsCommand).rejects(awsError('InternalFailure'));
    await expect(read()).rejects.toThrow('InternalFailure from CloudWatch');
  });
});
