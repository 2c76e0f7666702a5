import { ServerResponse } from 'node:http';
import { AwsError } from '../util/AwsError';
import { JsonObject } from '../util/InputReader';
import { CallContext } from '../protocol/CallContext';
import { Flavor } from './protocolErrors';

/** One identified AWS API call, ready to be authorised, run and answered. */
export interface Call {
  flavor: Flavor;
  /** The SigV4 signing name of the service (ecs, servicediscovery, sts…). */
  service: string;
  operation: string;
  /** The status AccessDeniedException travels with in this service's model. */
  accessDeniedStatus: number;
  /** The request of a JSON-protocol call, which `run` may be given changed. */
  input?: JsonObject;
  run(ctx: CallContext, input?: JsonObject): unknown;
  throttlingError(): AwsError;
  reply(res: ServerResponse, result: unknown, requestId: string): void;
  replyError(res: ServerResponse, error: AwsError, requestId: string): void;
}
