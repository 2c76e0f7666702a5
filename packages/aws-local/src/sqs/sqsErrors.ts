import { AwsError } from '../util/AwsError';

/**
 * SQS speaks JSON 1.0 in awsQuery-compatible mode: `__type` carries the
 * error shape's name, the x-amzn-query-error header the code the query
 * protocol used, which the AWS SDK reports as the error's `Code`.
 */
export const SQS_QUERY_CODES: Record<string, string> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  QueueNameExists: 'QueueAlreadyExists',
  ReceiptHandleIsInvalid: 'ReceiptHandleIsInvalid',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
  InvalidAttributeName: 'InvalidAttributeName',
  InvalidAttributeValue: 'InvalidAttributeValue',
  InvalidAddress: 'InvalidAddress',
  InvalidParameterValueException: 'InvalidParameterValue',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

export const sqsErrors = {
  queueDoesNotExist: () =>
    new AwsError(
      'QueueDoesNotExist',
      'The specified queue does not exist.',
      400,
    ),
  queueNameExists: (name: string) =>
    new AwsError(
      'QueueNameExists',
      `A queue already exists with the same name and a different value for attribute(s) of ${name}`,
      400,
    ),
  receiptHandleIsInvalid: (handle: string) =>
    new AwsError(
      'ReceiptHandleIsInvalid',
      `The input receipt handle "${handle}" is not a valid receipt handle.`,
      400,
    ),
  messageNotInflight: () =>
    new AwsError('MessageNotInflight', 'Message does not exist or is not available for visibility timeout change.', 400),
  invalidParameterValue: (message: string) =>
    new AwsError('InvalidParameterValueException', message, 400),
  invalidAttributeName: (name: string) =>
    new AwsError('InvalidAttributeName', `Unknown Attribute ${name}.`, 400),
  invalidAddress: (url: string) =>
    new AwsError('InvalidAddress', `The address ${url} is not valid for this endpoint.`, 404),
  unsupported: (message: string) =>
    new AwsError('UnsupportedOperation', message, 400),
  emptyBatch: () =>
    new AwsError('EmptyBatchRequest', 'There should be at least one DeleteMessageBatchRequestEntry in the request.', 400),
  tooManyEntries: (count: number) =>
    new AwsError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are 10. You have sent ${count}.`, 400),
  idsNotDistinct: (id: string) =>
    new AwsError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`, 400),
};
