import { AwsError } from '../util/AwsError';

/** Whether a call arrived over the JSON protocol or the awsQuery (form + XML) one. */
export type Flavor = 'json' | 'query';

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';

// The same condition carries different codes (and sometimes statuses) in the
// two protocol families; these are the codes AWS answers with in each.
export const protocolErrors = {
  missingAuthentication: (flavor: Flavor) =>
    flavor === 'json'
      ? new AwsError(
          'MissingAuthenticationTokenException',
          'Missing Authentication Token',
          400,
        )
      : new AwsError(
          'MissingAuthenticationToken',
          'Request is missing Authentication Token',
          403,
        ),
  unrecognizedClient: (flavor: Flavor) =>
    flavor === 'json'
      ? new AwsError('UnrecognizedClientException', INVALID_TOKEN, 400)
      : new AwsError('InvalidClientTokenId', INVALID_TOKEN, 403),
  expiredToken: (flavor: Flavor) =>
    flavor === 'json'
      ? new AwsError('ExpiredTokenException', EXPIRED_TOKEN, 400)
      : new AwsError('ExpiredToken', EXPIRED_TOKEN, 400),
  accessDenied: (
    flavor: Flavor,
    callerArn: string,
    action: string,
    jsonStatus: number,
  ) => {
    const message = `User: ${callerArn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
    return flavor === 'json'
      ? new AwsError('AccessDeniedException', message, jsonStatus)
      : new AwsError('AccessDenied', message, 403);
  },
  throttling: (flavor: Flavor) =>
    new AwsError(
      flavor === 'json' ? 'ThrottlingException' : 'Throttling',
      'Rate exceeded',
      400,
    ),
  internalFailure: () =>
    new AwsError(
      'InternalFailure',
      'The request processing has failed because of an unknown error, exception or failure.',
      500,
    ),
  serviceUnavailable: () =>
    new AwsError(
      'ServiceUnavailable',
      'The request has failed due to a temporary failure of the server.',
      503,
    ),
  unknownOperation: (flavor: Flavor, operation: string) =>
    flavor === 'json'
      ? new AwsError(
          'UnknownOperationException',
          `Unknown operation ${operation}`,
          400,
        )
      : new AwsError(
          'InvalidAction',
          `Could not find operation ${operation} for version 2011-06-15`,
          400,
        ),
  serialization: (message: string) =>
    new AwsError('SerializationException', message, 400),
};
