import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import {
  ListInstancesCommand,
  ListNamespacesCommand,
  ListServicesCommand as ListCloudMapServicesCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';

/**
 * The baseline the issue asks for: what a first attempt usually looks like.
 * One call at a time, default page sizes (ListServices returns 10), one
 * DescribeServices and one DescribeTaskDefinition per service, tasks listed
 * per service, instances listed for every Cloud Map service, no cache, no
 * pacing beyond the SDK's standard retries.
 */
export async function naiveRead(options: {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}): Promise<number> {
  const common = { region: options.region, credentials: options.credentials, maxAttempts: 10 };
  const ecs = new ECSClient(common);
  const cloudMap = new ServiceDiscoveryClient(common);
  let services = 0;
  let token: string | undefined;
  const clusters: string[] = [];
  do {
    const page = await ecs.send(new ListClustersCommand({ nextToken: token }));
    clusters.push(...(page.clusterArns ?? []));
    token = page.nextToken;
  } while (token);
  for (const cluster of clusters) {
    await ecs.send(new DescribeClustersCommand({ clusters: [cluster] }));
    const arns: string[] = [];
    do {
      const page = await ecs.send(new ListServicesCommand({ cluster, nextToken: token }));
      arns.push(...(page.serviceArns ?? []));
      token = page.nextToken;
    } while (token);
    for (const arn of arns) {
      const out = await ecs.send(
        new DescribeServicesCommand({ cluster, services: [arn], include: ['TAGS'] }),
      );
      const service = out.services![0];
      await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }));
      const tasks = await ecs.send(
        new ListTasksCommand({ cluster, serviceName: service.serviceName }),
      );
      if (tasks.taskArns?.length) {
        await ecs.send(new DescribeTasksCommand({ cluster, tasks: tasks.taskArns }));
      }
      services++;
    }
  }
  const namespaces = await cloudMap.send(new ListNamespacesCommand({}));
  for (const ns of namespaces.Namespaces ?? []) {
    const listed = await cloudMap.send(
      new ListCloudMapServicesCommand({
        Filters: [{ Name: 'NAMESPACE_ID', Values: [ns.Id!], Condition: 'EQ' }],
      }),
    );
    for (const service of listed.Services ?? []) {
      await cloudMap.send(new ListInstancesCommand({ ServiceId: service.Id }));
    }
  }
  return services;
}
