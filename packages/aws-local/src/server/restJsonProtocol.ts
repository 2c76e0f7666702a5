import { ServerResponse } from 'node:http';
import { AwsError } from '../util/AwsError';
import { JsonObject } from '../util/InputReader';
import { Call } from './Call';
import { RestJsonService } from '../protocol/CallContext';
import { parseJsonObject, sendAnswer, toJson } from './jsonProtocol';
import { protocolErrors } from './protocolErrors';

const CONTENT_TYPE = 'application/json';

// REST-JSON services model throttling with its own status.
const throttling = () =>
  new AwsError('ThrottlingException', 'Rate exceeded', 429);

/**
 * Identifies a REST-JSON call by its signing name and path; query string
 * members (`?resourceShareArn=…`) join the body's. An AwsError when it names
 * nothing served here.
 */
export function resolveRestJsonCall(
  service: RestJsonService,
  method: string | undefined,
  url: URL,
  body: string,
): Call | AwsError {
  const operation = service.operations[url.pathname];
  if (
    method !== 'POST' ||
    !operation ||
    !Object.hasOwn(service.operations, url.pathname)
  ) {
    return protocolErrors.unknownOperation('json', `${method} ${url.pathname}`);
  }
  const parsed = parseJsonObject(body);
  if (parsed instanceof AwsError) return parsed;
  const input: JsonObject = {
    ...Object.fromEntries(url.searchParams),
    ...parsed,
  };
  return {
    flavor: 'json',
    service: service.signingName,
    operation: operation.name,
    accessDeniedStatus: 403,
    input,
    run: (ctx, changed) => operation.run(ctx, changed ?? input),
    throttlingError: throttling,
    reply: (res, result, requestId) =>
      sendAnswer(res, 200, CONTENT_TYPE, toJson(result ?? {}), requestId),
    replyError: (res, error, requestId) =>
      sendRestJsonError(res, error, requestId),
  };
}

/** Answers an error as REST-JSON services do: its code in a header, its message in the body. */
export function sendRestJsonError(
  res: ServerResponse,
  error: AwsError,
  requestId: string,
): void {
  sendAnswer(
    res,
    error.httpStatus,
    CONTENT_TYPE,
    toJson({ message: error.message, ...error.fields }),
    requestId,
    { 'x-amzn-ErrorType': error.code },
  );
}
