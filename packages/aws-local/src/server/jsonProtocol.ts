import { ServerResponse } from 'node:http';
import { AwsError } from '../util/AwsError';
import { JsonObject } from '../util/InputReader';
import { Call } from './Call';
import { JsonService } from '../protocol/CallContext';
import { protocolErrors } from './protocolErrors';

// The JSON protocols send timestamps as epoch seconds (fractions allowed).
function replacer(
  this: Record<string, unknown>,
  key: string,
  value: unknown,
): unknown {
  const raw = this[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, replacer);
}

/** Writes an answer of a JSON or REST-JSON service. */
export function sendAnswer(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  requestId: string,
  extraHeaders: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': requestId,
    ...extraHeaders,
  });
  res.end(body);
}

/** A request body as the JSON protocols take it: an object, empty meaning `{}`. */
export function parseJsonObject(body: string): JsonObject | AwsError {
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return protocolErrors.serialization(
      'Start of structure or map found where not expected.',
    );
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return protocolErrors.serialization(
      'The request body must be a JSON object.',
    );
  }
  return input as JsonObject;
}

/**
 * Identifies a JSON-protocol call from its X-Amz-Target header
 * (`Prefix.Operation`); an AwsError when it names nothing served here.
 */
export function resolveJsonCall(
  services: JsonService[],
  target: string,
  body: string,
  accessDeniedStatus: (service: JsonService) => number,
  throttlingError: (service: JsonService, operation: string) => AwsError,
): Call | AwsError {
  const dot = target.lastIndexOf('.');
  const prefix = target.slice(0, dot);
  const operation = target.slice(dot + 1);
  const service = services.find(s => s.targetPrefix === prefix);
  const handler = service?.operations[operation];
  if (!service || !handler || !Object.hasOwn(service.operations, operation)) {
    return protocolErrors.unknownOperation('json', operation || target);
  }
  const input = parseJsonObject(body);
  if (input instanceof AwsError) return input;
  return {
    flavor: 'json',
    service: service.signingName,
    operation,
    accessDeniedStatus: accessDeniedStatus(service),
    input,
    run: (ctx, changed) => handler(ctx, changed ?? input),
    throttlingError: () => throttlingError(service, operation),
    reply: (res, result, requestId) =>
      sendAnswer(
        res,
        200,
        service.contentType,
        toJson(result ?? {}),
        requestId,
      ),
    replyError: (res, error, requestId) =>
      sendJsonError(res, error, requestId, service),
  };
}

/** Answers a JSON-protocol error as `service` spells it (or as ECS does, before a service is known). */
export function sendJsonError(
  res: ServerResponse,
  error: AwsError,
  requestId: string,
  service?: JsonService,
): void {
  const body = toJson({
    __type: error.code,
    [service?.messageMember ?? 'message']: error.message,
    ...error.fields,
  });
  const queryCode = service?.queryErrorCode?.(error.code);
  const headers: Record<string, string> = queryCode
    ? {
        'x-amzn-query-error': `${queryCode};${
          error.httpStatus >= 500 ? 'Receiver' : 'Sender'
        }`,
      }
    : {};
  sendAnswer(
    res,
    error.httpStatus,
    service?.contentType ?? 'application/x-amz-json-1.1',
    body,
    requestId,
    headers,
  );
}
