/**
 * Turns whatever an AWS call ended in into one line a person can act on:
 * `111111111111/eu-west-1 ecs:DescribeServices failed: HTTP 403
 * AccessDeniedException, request id 5f…: <advice>`. The SDK's own messages
 * say neither the operation nor the endpoint's answer, and for a non-AWS
 * answer they point at SDK internals.
 */

/** Set on an error by the client middleware: the IAM action whose call failed. */
const OPERATION = Symbol('ecsNetworking.awsOperation');

/** What went wrong in one AWS call. @public */
export interface AwsCallFailure {
  /** The IAM action, e.g. `ecs:DescribeServices`; absent when no call was made. */
  operation?: string;
  httpStatus?: number;
  /** AWS's error code, `non-AWS response`, or the network error's code. */
  code: string;
  requestId?: string;
  attempts?: number;
  advice: string;
}

/** The error AWS SDK clients reject with once an endpoint's answer is not AWS's. */
export class NonAwsResponseError extends Error {
  readonly name = 'NonAwsResponse';

  constructor(
    readonly httpStatus: number | undefined,
    readonly contentType: string | undefined,
    readonly requestId: string | undefined,
  ) {
    super(
      `the endpoint answered HTTP ${httpStatus ?? '?'}${
        contentType ? ` (${contentType})` : ''
      }, which is not an AWS API answer`,
    );
  }
}

type SdkError = Error & {
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $response?: { statusCode?: number; headers?: Record<string, string> };
  [OPERATION]?: string;
};

/**
 * True when the SDK could not read the answer as AWS's: an HTML error page
 * from a proxy, or an implementation that does not speak this protocol.
 * AWS's own errors carry `$fault`; an answer that failed to parse does not.
 */
export function isNonAwsResponse(error: unknown): boolean {
  const e = error as SdkError;
  return !!e && typeof e === 'object' && !e.$fault && !!e.$response;
}

/**
 * Replaces an unparseable answer by an error the SDK's retry does not
 * retry: the same endpoint will answer the same page again. It has no
 * `cause`, since the original carries the 500 that the retry strategy
 * would take for a transient fault.
 */
export function toNonAwsResponseError(error: unknown): NonAwsResponseError {
  const e = error as SdkError;
  const headers = e.$response?.headers ?? {};
  const header = (name: string) =>
    Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return new NonAwsResponseError(
    e.$response?.statusCode ?? e.$metadata?.httpStatusCode,
    header('content-type'),
    header('x-amzn-requestid') ?? header('x-amz-request-id'),
  );
}

/**
 * An Error of this realm. A network error from another one (Node's own,
 * under a test runner's sandbox) fails `instanceof Error`, and the SDK's
 * retry would replace it by a bare wrapper without its code.
 */
export function asError(error: unknown): unknown {
  if (error instanceof Error || !error || typeof error !== 'object') return error;
  const e = error as { name?: string; message?: string };
  return Object.assign(new Error(e.message), error, { name: e.name ?? 'Error' });
}

export function tagOperation(error: unknown, operation: string): void {
  if (error && typeof error === 'object' && !(OPERATION in error)) {
    try {
      Object.defineProperty(error, OPERATION, { value: operation });
    } catch {
      // A frozen error keeps its message; only the operation name is lost.
    }
  }
}

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'UnauthorizedException',
]);
const BAD_CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'CredentialsProviderError',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);
const UNSUPPORTED = new Set([
  'UnknownOperationException',
  'UnsupportedOperation',
  'InvalidAction',
  'NotImplemented',
]);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'TimeoutError',
  'RequestTimeout',
]);

/** True when AWS answered that the call was over its quota. */
export function isThrottled(error: unknown): boolean {
  return THROTTLED.has((error as SdkError)?.name);
}

function adviceFor(failure: Omit<AwsCallFailure, 'advice'>, error: SdkError): string {
  const action = failure.operation ?? 'the call';
  const { code, httpStatus } = failure;
  if (code === 'non-AWS response') {
    return `the endpoint is not answering as AWS does (a proxy or firewall page, or an AWS implementation without ${action}); check the AWS_ENDPOINT_URL* variables and HTTPS_PROXY`;
  }
  if (DENIED.has(code) && action === 'sts:AssumeRole') {
    return "the backend's credentials may not assume the account's role: check the role name in aws.accounts, the role's trust policy, and any external id";
  }
  if (DENIED.has(code)) {
    return `the credentials may not call ${action}: allow it in the reader role's policy (the backend README lists the policy), and check that no SCP denies it`;
  }
  if (BAD_CREDENTIALS.has(code)) {
    return "the credentials were refused: check the role in the aws.accounts config, that the backend may assume it, and the machine's clock";
  }
  if (THROTTLED.has(code) || httpStatus === 429) {
    return `still throttled after ${failure.attempts ?? 'several'} attempts: lower ecsNetworking.quotaShare, or look for other tools spending this account's quota`;
  }
  if (UNSUPPORTED.has(code) || httpStatus === 501 || httpStatus === 404) {
    return `the endpoint does not implement ${action}`;
  }
  if (UNREACHABLE.has(code)) {
    return 'no answer from the endpoint: check network access to AWS (VPC endpoints, proxy) and the AWS_ENDPOINT_URL* variables';
  }
  if (httpStatus !== undefined && httpStatus >= 500) {
    return `AWS answered a server error${
      failure.attempts ? ` ${failure.attempts} times` : ''
    }; the next sync tries again`;
  }
  const message = (error?.message ?? String(error)).split('\n')[0].slice(0, 300);
  return message || 'the request was refused';
}

/** Reads an error thrown by an AWS SDK call (or by a credential provider) into its parts. */
export function describeAwsFailure(error: unknown): AwsCallFailure {
  const e = (error ?? {}) as SdkError;
  const common = { operation: e[OPERATION], attempts: e.$metadata?.attempts };
  const failure: Omit<AwsCallFailure, 'advice'> =
    error instanceof NonAwsResponseError
      ? {
          ...common,
          httpStatus: error.httpStatus,
          code: 'non-AWS response',
          requestId: error.requestId,
        }
      : {
          ...common,
          httpStatus: e.$metadata?.httpStatusCode,
          code: isNonAwsResponse(e) ? 'non-AWS response' : e.code ?? e.name ?? 'Error',
          requestId: e.$metadata?.requestId,
        };
  return { ...failure, advice: adviceFor(failure, e) };
}

/**
 * `[<account>/<region> ]<operation> failed: HTTP <status> <code>, request
 * id <id>: <advice>`; the request id is left out when there is none.
 */
export function formatAwsFailure(error: unknown, scope?: string): string {
  const f = describeAwsFailure(error);
  const answer = [f.httpStatus !== undefined ? `HTTP ${f.httpStatus}` : 'no HTTP answer', f.code];
  const id = f.requestId ? `, request id ${f.requestId}` : '';
  const where = scope ? `${scope} ` : '';
  return `${where}${f.operation ?? 'read'} failed: ${answer.join(' ')}${id}: ${f.advice}`;
}
