import {
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  Service,
} from '@aws-sdk/client-ecs';

/** A service to scale, or to copy into a new one, and the client of its account × region. */
export interface ServiceTemplate {
  ecs: ECSClient;
  service: Service;
}

/** A few services of every account × region, as templates for new ones and targets for scaling. */
export async function pickServices(clients: Iterable<ECSClient>): Promise<ServiceTemplate[]> {
  const templates: ServiceTemplate[] = [];
  for (const ecs of clients) {
    const { clusterArns = [] } = await ecs.send(new ListClustersCommand({}));
    for (const cluster of clusterArns.slice(0, 4)) {
      const { serviceArns = [] } = await ecs.send(new ListServicesCommand({ cluster, maxResults: 5 }));
      if (serviceArns.length === 0) continue;
      const { services = [] } = await ecs.send(new DescribeServicesCommand({ cluster, services: serviceArns }));
      templates.push(...services.map(service => ({ ecs, service })));
    }
  }
  if (templates.length === 0) throw new Error('the estate has no services to change');
  return templates;
}

/** Creates a service beside the template, as a deploy of a new service does; its ARN. */
export async function createServiceLike(template: ServiceTemplate, name: string): Promise<string> {
  const { ecs, service } = template;
  const created = await ecs.send(
    new CreateServiceCommand({
      cluster: service.clusterArn,
      serviceName: name,
      taskDefinition: service.taskDefinition,
      desiredCount: 1,
      launchType: service.launchType,
      networkConfiguration: service.networkConfiguration,
      tags: service.tags,
    }),
  );
  return created.service!.serviceArn!;
}
