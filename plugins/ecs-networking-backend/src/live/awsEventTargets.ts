/**
 * What an AWS change event (EventBridge's JSON, as the SQS events module
 * publishes it) asks to re-read. Only a few named fields are picked: a
 * CloudTrail event carries the request as sent, task definition environment
 * values included, so the event itself is never kept or logged.
 */
export type EventTargets =
  | {
      kind: 'services';
      /** The event's id: a duplicate delivery carries the same one. */
      id?: string;
      accountId: string;
      region: string;
      serviceArns: string[];
      /** Cloud Map services (by id) a Cloud Map call created, changed, deleted or (de)registered an instance in. */
      cloudMapServiceIds: string[];
    }
  /**
   * A well-formed AWS event that changes nothing read here (a task
   * definition registered, a cluster created), or that only the next full
   * sync reads (a Cloud Map namespace created or deleted).
   */
  | { kind: 'none' }
  /** Not an AWS event of ECS or Cloud Map. */
  | { kind: 'unknown' };

type Json = Record<string, unknown>;

const SERVICE_ARN = /^arn:aws[\w-]*:ecs:[^:]+:\d{12}:service\/[^/]+\/[^/]+$/;
const CLUSTER_ARN = /^(arn:aws[\w-]*:ecs:[^:]+:\d{12}):cluster\/([^/]+)$/;
/** ECS CloudTrail calls that change a service; their answer names it. */
const SERVICE_CALLS = new Set(['CreateService', 'UpdateService', 'DeleteService']);
const TAG_CALLS = new Set(['TagResource', 'UntagResource']);
const CLOUD_MAP_SERVICE_ID = /^srv-[a-z0-9]+$/;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function serviceArnIn(clusterArn: unknown, serviceName: string): string | undefined {
  const match = CLUSTER_ARN.exec(text(clusterArn) ?? '');
  return match ? `${match[1]}:service/${match[2]}/${serviceName}` : undefined;
}

function cloudTrailServiceArns(detail: Json): string[] | undefined {
  const eventName = text(detail.eventName) ?? '';
  if (SERVICE_CALLS.has(eventName)) {
    const response = isObject(detail.responseElements) ? detail.responseElements : {};
    const service = isObject(response.service) ? response.service : {};
    return [text(service.serviceArn) ?? ''].filter(arn => SERVICE_ARN.test(arn));
  }
  if (TAG_CALLS.has(eventName)) {
    const request = isObject(detail.requestParameters) ? detail.requestParameters : {};
    return [text(request.resourceArn) ?? ''].filter(arn => SERVICE_ARN.test(arn));
  }
  return undefined;
}

const field = (value: unknown, name: string) => (isObject(value) ? value[name] : undefined);

/**
 * The Cloud Map service a Cloud Map CloudTrail event names. CloudTrail
 * records the request and the answer with lowerCamelCase names.
 */
function cloudMapServiceIdOf(detail: Json): string | undefined {
  switch (detail.eventName) {
    case 'CreateService':
      return text(field(field(detail.responseElements, 'service'), 'id'));
    case 'UpdateService':
    case 'DeleteService':
      return text(field(detail.requestParameters, 'id'));
    case 'RegisterInstance':
    case 'DeregisterInstance':
      return text(field(detail.requestParameters, 'serviceId'));
    default:
      return undefined;
  }
}

function cloudMapServiceIdsOf(event: Json): string[] {
  if (event.source !== 'aws.servicediscovery' || event['detail-type'] !== 'AWS API Call via CloudTrail') return [];
  const id = cloudMapServiceIdOf(isObject(event.detail) ? event.detail : {}) ?? '';
  return CLOUD_MAP_SERVICE_ID.test(id) ? [id] : [];
}

function serviceArnsOf(event: Json): string[] | undefined {
  const detail = isObject(event.detail) ? event.detail : {};
  const resources = Array.isArray(event.resources) ? event.resources.map(text) : [];
  switch (event['detail-type']) {
    case 'ECS Task State Change': {
      // Tasks of a service run in group `service:<name>`; others (RunTask) are no service's.
      const group = text(detail.group) ?? '';
      const arn = group.startsWith('service:')
        ? serviceArnIn(detail.clusterArn, group.slice('service:'.length))
        : undefined;
      return arn ? [arn] : [];
    }
    case 'ECS Service Action':
    case 'ECS Deployment State Change':
      return resources.filter((arn): arn is string => SERVICE_ARN.test(arn ?? ''));
    case 'AWS API Call via CloudTrail':
      return event.source === 'aws.ecs' ? cloudTrailServiceArns(detail) ?? [] : [];
    default:
      return undefined;
  }
}

export function eventTargets(payload: unknown): EventTargets {
  if (!isObject(payload)) return { kind: 'unknown' };
  const source = text(payload.source);
  const accountId = text(payload.account);
  const region = text(payload.region);
  if ((source !== 'aws.ecs' && source !== 'aws.servicediscovery') || !accountId || !region) {
    return { kind: 'unknown' };
  }
  const arns = serviceArnsOf(payload);
  if (arns === undefined) return { kind: 'unknown' };
  // A service ARN names its account and region; one that disagrees with the
  // event's is not trusted.
  const own = arns.filter(arn => arn.split(':')[3] === region && arn.split(':')[4] === accountId);
  const cloudMapServiceIds = cloudMapServiceIdsOf(payload);
  if (own.length === 0 && cloudMapServiceIds.length === 0) return { kind: 'none' };
  return {
    kind: 'services',
    id: text(payload.id),
    accountId,
    region,
    serviceArns: [...new Set(own)],
    cloudMapServiceIds,
  };
}
