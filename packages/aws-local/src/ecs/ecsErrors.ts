import { AwsError } from '../util/AwsError';

// ECS declares no HTTP status on its client errors, so they travel as 400,
// except AccessDeniedException, which its model pins to 403.
export const ecsErrors = {
  invalidParameter: (message: string) =>
    new AwsError('InvalidParameterException', message),
  client: (message: string) => new AwsError('ClientException', message),
  clusterNotFound: () =>
    new AwsError('ClusterNotFoundException', 'Cluster not found.'),
  serviceNotFound: () =>
    new AwsError('ServiceNotFoundException', 'Service not found.'),
  serviceNotActive: () =>
    new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.'),
  namespaceNotFound: (ref: string) =>
    new AwsError(
      'NamespaceNotFoundException',
      `The specified namespace wasn't found: ${ref}`,
    ),
  resourceNotFound: (arn: string) =>
    new AwsError(
      'ResourceNotFoundException',
      `The specified resource wasn't found: ${arn}`,
    ),
};
