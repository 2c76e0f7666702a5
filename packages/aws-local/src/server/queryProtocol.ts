import { ServerResponse } from 'node:http';
import { QueryService } from '../protocol/CallContext';
import { AwsError } from '../util/AwsError';
import { Call } from './Call';
import { protocolErrors } from './protocolErrors';
import { xmlElement, XmlValue } from '../protocol/xml';

function send(
  res: ServerResponse,
  status: number,
  body: string,
  requestId: string,
): void {
  res.writeHead(status, {
    'Content-Type': 'text/xml',
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': requestId,
  });
  res.end(body);
}

export function sendQueryError(
  res: ServerResponse,
  error: AwsError,
  requestId: string,
  xmlNamespace: string,
): void {
  const body = xmlElement(
    'ErrorResponse',
    {
      Error: {
        Type: error.httpStatus >= 500 ? 'Receiver' : 'Sender',
        Code: error.code,
        Message: error.message,
      },
      RequestId: requestId,
    },
    ` xmlns="${xmlNamespace}"`,
  );
  send(res, error.httpStatus, body, requestId);
}

/** Identifies an awsQuery call from its form body (`Action=…&Version=…`). */
export function resolveQueryCall(
  service: QueryService,
  body: string,
): Call | AwsError {
  const params = new URLSearchParams(body);
  const action = params.get('Action') ?? '';
  const handler = Object.hasOwn(service.actions, action)
    ? service.actions[action]
    : undefined;
  if (!handler) {
    return protocolErrors.unknownOperation('query', action);
  }
  return {
    flavor: 'query',
    service: service.signingName,
    operation: action,
    accessDeniedStatus: 403,
    run: ctx => handler(ctx, params),
    throttlingError: () => protocolErrors.throttling('query'),
    reply: (res, result, requestId) => {
      const answer = xmlElement(
        `${action}Response`,
        {
          [`${action}Result`]: result as XmlValue,
          ResponseMetadata: { RequestId: requestId },
        },
        ` xmlns="${service.xmlNamespace}"`,
      );
      send(res, 200, answer, requestId);
    },
    replyError: (res, error, requestId) =>
      sendQueryError(res, error, requestId, service.xmlNamespace),
  };
}
