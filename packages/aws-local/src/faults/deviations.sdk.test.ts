import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeTasksCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import {
  ListNamespacesCommand,
  ListServicesCommand as ListCloudMapServicesCommand,
} from '@aws-sdk/client-servicediscovery';
import { LocalAws, startLocalAws } from '../startLocalAws';
import { NO_DEVIATIONS } from './deviations';
import { cloudMapClient, DEMO_KEY, ecsClient } from '../__testUtils__/clients';

jest.setTimeout(30_000);

describe('deviations from AWS, switched on per operation', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAws();
  });
  afterAll(() => local.close());
  afterEach(() => local.setFaults(NO_DEVIATIONS));

  async function namespaceIds() {
    const { Namespaces } = await cloudMapClient(local).send(new ListNamespacesCommand({}));
    return Namespaces!.map(ns => ns.Id!);
  }

  it('answers an HTML 500 page for the named operation only', async () => {
    local.setFaults({ htmlErrorOperations: ['cloudwatch:ListMetrics'] });
    const cloudWatch = new CloudWatchClient({
      endpoint: local.url,
      region: 'eu-west-1',
      credentials: DEMO_KEY,
      maxAttempts: 1,
    });
    const error = await cloudWatch
      .send(new ListMetricsCommand({ Namespace: 'AWS/ECS' }))
      .catch(e => e);
    expect(error.message).toContain('<!doctype');
    expect(error.$response?.statusCode).toBe(500);
    expect(error.$response?.headers['content-type']).toBe('text/html');
    const clusters = await ecsClient(local).send(new ListClustersCommand({}));
    expect(clusters.clusterArns!.length).toBeGreaterThan(0);
  });

  it('denies the named operation only', async () => {
    local.setFaults({ deniedOperations: ['ecs:ListServices'] });
    const ecs = ecsClient(local);
    await expect(ecs.send(new ListServicesCommand({ cluster: 'shop' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns!.length).toBeGreaterThan(0);
  });

  it('ignores the NAMESPACE_ID filter of Cloud Map ListServices', async () => {
    const [first] = await namespaceIds();
    const filtered = new ListCloudMapServicesCommand({
      Filters: [{ Name: 'NAMESPACE_ID', Values: [first], Condition: 'EQ' }],
    });
    const honoured = await cloudMapClient(local).send(filtered);
    local.setFaults({ ignoreFilterOperations: ['servicediscovery:ListServices'] });
    const ignored = await cloudMapClient(local).send(filtered);
    const all = await cloudMapClient(local).send(new ListCloudMapServicesCommand({}));
    expect(ignored.Services!.length).toBeGreaterThan(honoured.Services!.length);
    expect(ignored.Services!.map(s => s.Id).sort()).toEqual(all.Services!.map(s => s.Id).sort());
  });

  it('answers the whole list in one page whatever maxResults says', async () => {
    const ecs = ecsClient(local);
    const paged = await ecs.send(new ListServicesCommand({ cluster: 'shop', maxResults: 1 }));
    expect(paged.serviceArns).toHaveLength(1);
    expect(paged.nextToken).toBeDefined();
    local.setFaults({ noPagingOperations: ['ecs:ListServices'] });
    const whole = await ecs.send(new ListServicesCommand({ cluster: 'shop', maxResults: 1 }));
    expect(whole.serviceArns!.length).toBeGreaterThan(1);
    expect(whole.nextToken).toBeUndefined();
  });

  it('lists every item twice', async () => {
    const ecs = ecsClient(local);
    const once = await ecs.send(new ListClustersCommand({}));
    local.setFaults({ duplicateOperations: ['ecs:ListClusters'] });
    const twice = await ecs.send(new ListClustersCommand({}));
    expect(twice.clusterArns).toEqual([...once.clusterArns!, ...once.clusterArns!]);
  });

  it('repeats the same paging token, which answers the same list again', async () => {
    const ids = await namespaceIds();
    local.setFaults({ repeatTokenOperations: ['servicediscovery:ListNamespaces'] });
    const cloudMap = cloudMapClient(local);
    const first = await cloudMap.send(new ListNamespacesCommand({ MaxResults: 1 }));
    const again = await cloudMap.send(
      new ListNamespacesCommand({ MaxResults: 1, NextToken: first.NextToken }),
    );
    expect(first.Namespaces!.map(ns => ns.Id)).toEqual(ids);
    expect(again.Namespaces!.map(ns => ns.Id)).toEqual(ids);
    expect(again.NextToken).toBe(first.NextToken);
  });

  it('names tasks with UUIDs and accepts them back', async () => {
    local.setFaults({ uuidTaskIds: true });
    const ecs = ecsClient(local);
    const { taskArns } = await ecs.send(new ListTasksCommand({ cluster: 'shop' }));
    expect(taskArns!.length).toBeGreaterThan(0);
    for (const arn of taskArns!) {
      expect(arn.split('/').pop()).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
    }
    const { tasks, failures } = await ecs.send(
      new DescribeTasksCommand({ cluster: 'shop', tasks: taskArns }),
    );
    expect(failures).toEqual([]);
    expect(tasks!.map(t => t.taskArn).sort()).toEqual([...taskArns!].sort());
  });

  it('refuses a deviation that names no service', () => {
    expect(() => local.setFaults({ noPagingOperations: ['ListServices'] })).toThrow(
      'noPagingOperations must be a list of operations named service:Operation',
    );
  });
});
