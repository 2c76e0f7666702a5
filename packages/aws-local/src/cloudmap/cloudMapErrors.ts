import { AwsError } from '../util/AwsError';

// HTTP statuses are the ones the Cloud Map service model declares.
export const cloudMapErrors = {
  invalidInput: (message: string) => new AwsError('InvalidInput', message, 400),
  namespaceNotFound: (id: string) =>
    new AwsError('NamespaceNotFound', `Namespace not found: ${id}`, 404),
  serviceNotFound: (id: string) =>
    new AwsError('ServiceNotFound', `Service not found: ${id}`, 404),
  instanceNotFound: (id: string) =>
    new AwsError('InstanceNotFound', `Instance not found: ${id}`, 404),
  operationNotFound: (id: string) =>
    new AwsError('OperationNotFound', `Operation not found: ${id}`, 404),
  resourceNotFound: (arn: string) =>
    new AwsError(
      'ResourceNotFoundException',
      `Resource not found: ${arn}`,
      404,
    ),
  resourceInUse: (message: string) =>
    new AwsError('ResourceInUse', message, 409),
  customHealthNotFound: (serviceId: string) =>
    new AwsError(
      'CustomHealthNotFound',
      `Service ${serviceId} has no custom health check configured`,
      404,
    ),
};
