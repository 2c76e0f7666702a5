import { arnResourceName } from './arns';
import type { CloudMapServiceInfo } from './snapshot';

/**
 * The Cloud Map service ECS creates for a Service Connect discovery name: an
 * HTTP-type registration it manages and tags itself, with no DNS records or
 * health check of its own. Shared by anything that models a Service Connect
 * service ECS has not created yet (a planned service, a test estate).
 *
 * @public
 */
export function serviceConnectRegistry(options: {
  arn: string;
  name: string;
  namespaceId: string;
}): CloudMapServiceInfo {
  return {
    id: arnResourceName(options.arn),
    arn: options.arn,
    name: options.name,
    namespaceId: options.namespaceId,
    type: 'HTTP',
    dnsRecords: [],
    customHealthCheck: false,
    managedByEcs: true,
    tags: { AmazonECSManaged: 'true' },
    instances: [],
  };
}
