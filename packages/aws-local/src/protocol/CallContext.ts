import { JsonObject } from '../util/InputReader';
import { Principal } from '../iam/CredentialStore';
import { Partition } from '../world/Partition';
import { World } from '../world/World';
import { XmlValue } from './xml';

/** What an operation handler knows about the call it answers. */
export interface CallContext {
  principal: Principal;
  region: string;
  partition: Partition;
  world: World;
  /** The endpoint's origin as the caller reached it (`http://host:port`), for URLs in answers. */
  endpoint?: string;
}

export type JsonOperation = (ctx: CallContext, input: JsonObject) => unknown;

/** A service spoken over the AWS JSON protocol (X-Amz-Target dispatch). */
export interface JsonService {
  /** The SigV4 signing name, used for counting and quotas. */
  signingName: string;
  targetPrefix: string;
  contentType: string;
  /** ECS errors carry `message`, Cloud Map errors `Message`. */
  messageMember: 'message' | 'Message';
  /** For services in awsQuery-compatible mode: the old query code of an error. */
  queryErrorCode?: (code: string) => string | undefined;
  operations: Record<string, JsonOperation>;
}

/**
 * A service spoken over AWS's REST-JSON protocol: each operation has its
 * own path (`POST /getresourceshares`), JSON bodies both ways, and errors
 * named in the `x-amzn-ErrorType` header.
 */
export interface RestJsonService {
  signingName: string;
  /** By request path; every operation served here is a POST. */
  operations: Record<string, { name: string; run: JsonOperation }>;
}

export type QueryAction = (
  ctx: CallContext,
  params: URLSearchParams,
) => XmlValue;

/** A service spoken over awsQuery: form-encoded `Action=…` requests, XML answers. */
export interface QueryService {
  signingName: string;
  version: string;
  xmlNamespace: string;
  actions: Record<string, QueryAction>;
}
