import { randomUUID } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { cloudMapApi } from '../api/cloudMapApi';
import { cloudWatchApi } from '../api/cloudWatchApi';
import { ecsApi } from '../api/ecsApi';
import { elbv2Api } from '../api/elbv2Api';
import { ramApi } from '../api/ramApi';
import { sqsApi } from '../api/sqsApi';
import { CallCounter } from '../faults/CallCounter';
import {
  HTML_ERROR_PAGE,
  operationName,
  runDeviating,
} from '../faults/deviations';
import { FaultInjector } from '../faults/FaultInjector';
import { Throttler } from '../quotas/Throttler';
import { stsApi } from '../api/stsApi';
import { AwsError } from '../util/AwsError';
import { World } from '../world/World';
import { ADMIN_PREFIX, handleAdmin } from './adminRoutes';
import { readCredentialScope } from './authorization';
import { Call } from './Call';
import {
  JsonService,
  QueryService,
  RestJsonService,
} from '../protocol/CallContext';
import { resolveJsonCall, sendJsonError } from './jsonProtocol';
import { protocolErrors } from './protocolErrors';
import { resolveQueryCall, sendQueryError } from './queryProtocol';
import { resolveRestJsonCall } from './restJsonProtocol';

const JSON_SERVICES: JsonService[] = [
  ecsApi,
  cloudMapApi,
  cloudWatchApi,
  sqsApi,
];
const QUERY_SERVICES: QueryService[] = [stsApi, elbv2Api];
const REST_JSON_SERVICES: RestJsonService[] = [ramApi];
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Recorded as the account of calls that never got as far as an identity. */
const UNKNOWN_ACCOUNT = 'unknown';

export interface LocalAwsServerOptions {
  world: World;
  faults: FaultInjector;
  counter: CallCounter;
  throttler: Throttler;
}

function accessDeniedStatus(service: JsonService): number {
  // ECS's model pins AccessDeniedException to 403; JSON services without a
  // modelled status answer it with 400.
  return service.signingName === 'ecs' ? 403 : 400;
}

function throttlingError(service: JsonService, operation: string): AwsError {
  // Cloud Map models DiscoverInstances' throttling as RequestLimitExceeded (429).
  if (
    service.signingName === 'servicediscovery' &&
    operation.startsWith('DiscoverInstances')
  ) {
    return new AwsError('RequestLimitExceeded', 'Rate exceeded', 429);
  }
  return protocolErrors.throttling('json');
}

// Unref'd: an answer still held back when the endpoint closes must not keep
// the process (a test worker) alive for the rest of the delay.
const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, ms).unref());

/** The HTTP front end: routes AWS calls by protocol and applies faults and quotas. */
export class LocalAwsServer {
  private readonly server: Server;

  constructor(private readonly options: LocalAwsServerOptions) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(error => {
        if (!res.headersSent) {
          sendJsonError(
            res,
            new AwsError(
              'InternalFailure',
              String(error?.message ?? error),
              500,
            ),
            randomUUID(),
          );
        } else {
          res.destroy();
        }
      });
    });
    this.server.keepAliveTimeout = 5000;
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise(resolve => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (body === undefined) {
      res.writeHead(413).end();
      return;
    }
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      handleAdmin(req, res, url.pathname, body, this.options);
      return;
    }
    const requestId = randomUUID();
    const scope = readCredentialScope(req, url);
    const call = this.identify(req, url, body, scope?.signingName);
    if (call instanceof AwsError) {
      this.answerUnidentified(req, res, call, requestId);
      return;
    }
    const { world, faults, counter, throttler } = this.options;
    const key = counter.arrive(
      {
        account: UNKNOWN_ACCOUNT,
        region: scope?.region ?? 'unknown',
        service: call.service,
        operation: call.operation,
      },
      req.headers,
    );
    const fail = (
      error: AwsError,
      outcome: 'error' | 'throttled' = 'error',
    ) => {
      counter.record(key, outcome);
      call.replyError(res, error, requestId);
    };
    if (!scope) {
      fail(protocolErrors.missingAuthentication(call.flavor));
      return;
    }
    const resolution = world.credentials.resolve(
      scope.accessKeyId,
      scope.sessionToken,
    );
    if ('problem' in resolution) {
      fail(
        resolution.problem === 'expired'
          ? protocolErrors.expiredToken(call.flavor)
          : protocolErrors.unrecognizedClient(call.flavor),
      );
      return;
    }
    const { principal } = resolution;
    key.account = principal.accountId;

    const delay = faults.delayMs();
    if (delay > 0) {
      key.delayed = true;
      await sleep(delay);
    }
    if (faults.shouldReset()) {
      counter.record(key, 'error');
      req.socket.destroy();
      return;
    }
    const fault = faults.config.deniedOperations.includes(operationName(call))
      ? { kind: 'accessDenied' as const }
      : faults.faultFor(principal.accountId);
    if (fault?.kind === 'accessDenied') {
      fail(
        protocolErrors.accessDenied(
          call.flavor,
          principal.arn,
          `${call.service}:${call.operation}`,
          call.accessDeniedStatus,
        ),
      );
      return;
    }
    if (fault?.kind === 'expired') {
      fail(protocolErrors.expiredToken(call.flavor));
      return;
    }
    if (fault?.kind === 'serverError') {
      fail(
        fault.status === 500
          ? protocolErrors.internalFailure()
          : protocolErrors.serviceUnavailable(),
      );
      return;
    }
    if (faults.config.htmlErrorOperations.includes(operationName(call))) {
      counter.record(key, 'error');
      res.writeHead(500, { 'Content-Type': 'text/html' }).end(HTML_ERROR_PAGE);
      return;
    }
    if (faults.shouldThrottle()) {
      fail(call.throttlingError(), 'throttled');
      return;
    }
    if (
      faults.config.throttle &&
      !throttler.admit(
        principal.accountId,
        scope.region,
        call.service,
        call.operation,
      )
    ) {
      fail(call.throttlingError(), 'throttled');
      return;
    }
    const ctx = {
      principal,
      region: scope.region,
      partition: world.partition(principal.accountId, scope.region),
      world,
      endpoint: `http://${req.headers.host ?? '127.0.0.1'}`,
    };
    let result: unknown;
    try {
      // Awaited: a long-polling SQS ReceiveMessage answers later.
      result = await (call.input
        ? runDeviating(faults.config, call, call.input, input =>
            call.run(ctx, input),
          )
        : call.run(ctx));
    } catch (error) {
      if (error instanceof AwsError) {
        fail(error);
        return;
      }
      throw error;
    }
    counter.record(key, 'ok');
    world.events.apiCalled({
      principal,
      accessKeyId: scope.accessKeyId,
      region: scope.region,
      service: call.service,
      operation: call.operation,
      request: call.input,
      response: result,
      requestId,
      userAgent: req.headers['user-agent'],
    });
    call.reply(res, result, requestId);
  }

  private identify(
    req: IncomingMessage,
    url: URL,
    body: string,
    signingName: string | undefined,
  ): Call | AwsError {
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string') {
      return resolveJsonCall(
        JSON_SERVICES,
        target,
        body,
        accessDeniedStatus,
        throttlingError,
      );
    }
    const contentType = req.headers['content-type'] ?? '';
    if (
      req.method === 'POST' &&
      contentType.startsWith('application/x-www-form-urlencoded')
    ) {
      // awsQuery requests all look alike; the signing name tells them apart.
      const service =
        QUERY_SERVICES.find(q => q.signingName === signingName) ?? stsApi;
      return resolveQueryCall(service, body);
    }
    // REST-JSON requests are told apart by their signing name, then their path.
    const rest = REST_JSON_SERVICES.find(r => r.signingName === signingName);
    if (rest) {
      return resolveRestJsonCall(rest, req.method, url, body);
    }
    return protocolErrors.unknownOperation('json', `${req.method} ${req.url}`);
  }

  private answerUnidentified(
    req: IncomingMessage,
    res: ServerResponse,
    error: AwsError,
    requestId: string,
  ): void {
    const isQuery =
      !req.headers['x-amz-target'] &&
      (req.headers['content-type'] ?? '').startsWith(
        'application/x-www-form-urlencoded',
      );
    if (isQuery) {
      sendQueryError(res, error, requestId, stsApi.xmlNamespace);
    } else {
      sendJsonError(res, error, requestId);
    }
  }
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(
        size > MAX_BODY_BYTES
          ? undefined
          : Buffer.concat(chunks).toString('utf8'),
      ),
    );
    req.on('error', reject);
  });
}
