import { AwsError } from '../util/AwsError';

// Codes and statuses as the RAM service model declares them.
export const ramErrors = {
  invalidParameter: (message: string) =>
    new AwsError('InvalidParameterException', message, 400),
  missingParameter: (name: string) =>
    new AwsError(
      'MissingRequiredParameterException',
      `The request is missing the required parameter ${name}.`,
      400,
    ),
  malformedArn: (arn: string) =>
    new AwsError('MalformedArnException', `The ARN ${arn} is malformed.`, 400),
  unknownResource: (message: string) =>
    new AwsError('UnknownResourceException', message, 400),
  operationNotPermitted: (message: string) =>
    new AwsError('OperationNotPermittedException', message, 400),
  invitationNotFound: (arn: string) =>
    new AwsError(
      'ResourceShareInvitationArnNotFoundException',
      `The resource share invitation ${arn} could not be found.`,
      400,
    ),
  invitationAlreadyAccepted: (arn: string) =>
    new AwsError(
      'ResourceShareInvitationAlreadyAcceptedException',
      `The resource share invitation ${arn} has already been accepted.`,
      400,
    ),
  invalidNextToken: (message: string) =>
    new AwsError('InvalidNextTokenException', message, 400),
};
