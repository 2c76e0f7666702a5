import { JsonObject } from '../util/InputReader';

/**
 * Ways other AWS implementations (emulators, proxies) are known to differ
 * from AWS. Each is switched on per operation, named as IAM names its action
 * (`servicediscovery:ListServices`, `cloudwatch:ListMetrics`), so a test can
 * show what a client does when exactly one call misbehaves.
 *
 * @public
 */
export interface DeviationConfig {
  /** Denied (AccessDeniedException), as a policy without the action or an SCP would. */
  deniedOperations: string[];
  /** Answered with an HTML 500 page, as a proxy or an emulator that does not speak the protocol would. */
  htmlErrorOperations: string[];
  /** List filters (`Filters`, ECS's `desiredStatus`) ignored: every item is listed. */
  ignoreFilterOperations: string[];
  /** The whole list in one answer, whatever `maxResults` asks for. */
  noPagingOperations: string[];
  /** Every item of the answer's lists appears twice. */
  duplicateOperations: string[];
  /** The whole list, with the same paging token every time; the token gives the same answer again. */
  repeatTokenOperations: string[];
  /** Task ids in UUID form (36 characters with dashes) instead of ECS's 32 hex digits. */
  uuidTaskIds: boolean;
}

export const NO_DEVIATIONS: DeviationConfig = {
  deniedOperations: [],
  htmlErrorOperations: [],
  ignoreFilterOperations: [],
  noPagingOperations: [],
  duplicateOperations: [],
  repeatTokenOperations: [],
  uuidTaskIds: false,
};

export const HTML_ERROR_PAGE =
  '<!doctype html><html><head><title>500 Internal Server Error</title></head>' +
  '<body><h1>Internal Server Error</h1></body></html>';

/** What the deviating endpoint sends as a paging token that never moves on. */
const REPEATED_TOKEN = 'lcl-repeat';
const FILTER_MEMBERS = ['Filters', 'desiredStatus'];
const PAGING_MEMBERS = ['MaxResults', 'maxResults', 'NextToken', 'nextToken'];
/** Beyond any list the endpoint holds: stops a loop should a handler keep paging. */
const MAX_PAGES = 10_000;

// ECS task ARNs end in `task/<cluster>/<32 hex>`.
const HEX_TASK_ID = /(:task\/[^/"]+\/)([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})(?![0-9a-f-])/g;
const UUID_TASK_ID = /(:task\/[^/"]+\/)([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})(?![0-9a-f])/g;

/** IAM prefixes where they differ from the SigV4 signing name. */
const IAM_PREFIX: Record<string, string> = { monitoring: 'cloudwatch' };

/** `servicediscovery:ListServices`: how the deviation knobs name an operation. */
export function operationName(call: { service: string; operation: string }): string {
  return `${IAM_PREFIX[call.service] ?? call.service}:${call.operation}`;
}

function tokenMember(output: JsonObject, service: string): string {
  if ('nextToken' in output) return 'nextToken';
  if ('NextToken' in output) return 'NextToken';
  return service === 'ecs' ? 'nextToken' : 'NextToken';
}

function without(input: JsonObject, members: string[]): JsonObject {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !members.includes(key)));
}

/** Runs a list operation page by page and answers every item at once. */
function allPages(run: (input: JsonObject) => unknown, input: JsonObject): JsonObject {
  const merged: JsonObject = {};
  let request = without(input, PAGING_MEMBERS);
  for (let page = 0; page < MAX_PAGES; page++) {
    const output = (run(request) ?? {}) as JsonObject;
    for (const [key, value] of Object.entries(output)) {
      const before = merged[key];
      merged[key] = Array.isArray(value) && Array.isArray(before) ? [...before, ...value] : value;
    }
    const token = output.nextToken ?? output.NextToken;
    if (typeof token !== 'string') break;
    request = { ...request, [tokenMember(output, '')]: token };
  }
  return without(merged, ['nextToken', 'NextToken']);
}

function doubled(output: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(output).map(([key, value]) => [
      key,
      Array.isArray(value) ? [...value, ...value] : value,
    ]),
  );
}

/** Rewrites every string inside `value`; timestamps and numbers keep their types. */
function rewrite<T>(value: T, pattern: RegExp, replacement: string): T {
  if (typeof value === 'string') return value.replace(pattern, replacement) as T;
  if (Array.isArray(value)) return value.map(item => rewrite(item, pattern, replacement)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, rewrite(item, pattern, replacement)]),
    ) as T;
  }
  return value;
}

/**
 * Answers one JSON-protocol call the way a deviating implementation would.
 * `run` is the faithful handler; without a deviation for this operation its
 * answer is returned untouched.
 */
export function runDeviating(
  config: DeviationConfig,
  call: { service: string; operation: string },
  input: JsonObject,
  run: (input: JsonObject) => unknown,
): unknown {
  const name = operationName(call);
  const uuids = config.uuidTaskIds && call.service === 'ecs';
  let request = uuids ? rewrite(input, UUID_TASK_ID, '$1$2$3$4$5$6') : input;
  if (config.ignoreFilterOperations.includes(name)) {
    request = without(request, FILTER_MEMBERS);
  }
  let output: JsonObject;
  if (config.repeatTokenOperations.includes(name)) {
    const full = allPages(run, without(request, PAGING_MEMBERS));
    output = { ...full, [tokenMember(full, call.service)]: REPEATED_TOKEN };
  } else if (config.noPagingOperations.includes(name)) {
    output = allPages(run, request);
  } else {
    output = (run(request) ?? {}) as JsonObject;
  }
  if (config.duplicateOperations.includes(name)) output = doubled(output);
  return uuids ? rewrite(output, HEX_TASK_ID, '$1$2-$3-$4-$5-$6') : output;
}

/** Throws a TypeError naming the first setting that is not what it should be. */
export function validateDeviations(config: DeviationConfig): void {
  for (const name of [
    'deniedOperations',
    'htmlErrorOperations',
    'ignoreFilterOperations',
    'noPagingOperations',
    'duplicateOperations',
    'repeatTokenOperations',
  ] as const) {
    const list = config[name];
    if (!Array.isArray(list) || list.some(op => typeof op !== 'string' || !op.includes(':'))) {
      throw new TypeError(`${name} must be a list of operations named service:Operation`);
    }
  }
  if (typeof config.uuidTaskIds !== 'boolean') {
    throw new TypeError('uuidTaskIds must be a boolean');
  }
}
