import { randomUUID } from 'node:crypto';
import { Principal } from '../iam/CredentialStore';
import { eventBridgeEvent, EventBridgeEvent, eventTime } from './eventEnvelope';

/**
 * The write calls CloudTrail records as management events, by signing name;
 * `pascalCaseWire` for services whose JSON names members in PascalCase.
 */
const RECORDED: Record<string, { source: string; operations: Set<string>; pascalCaseWire?: boolean }> = {
  ecs: {
    source: 'ecs',
    operations: new Set([
      'CreateCluster',
      'RegisterTaskDefinition',
      'DeregisterTaskDefinition',
      'CreateService',
      'UpdateService',
      'DeleteService',
      'TagResource',
      'UntagResource',
    ]),
  },
  servicediscovery: {
    source: 'servicediscovery',
    pascalCaseWire: true,
    operations: new Set([
      'CreateHttpNamespace',
      'CreatePrivateDnsNamespace',
      'CreatePublicDnsNamespace',
      'DeleteNamespace',
      'CreateService',
      'DeleteService',
      'RegisterInstance',
      'DeregisterInstance',
      'TagResource',
      'UntagResource',
    ]),
  },
};

/** Map members whose keys are data (instance attributes such as AWS_INSTANCE_IPV4), not member names. */
const DATA_MAPS = new Set(['Attributes']);

/**
 * CloudTrail records the request and the answer with lowerCamelCase member
 * names whatever the wire uses: Cloud Map's `{"ServiceId": …}` is recorded
 * as `{"serviceId": …}`. Keys of data maps are kept as sent.
 */
function camelCaseMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseMembers);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [
      `${key[0].toLowerCase()}${key.slice(1)}`,
      DATA_MAPS.has(key) ? member : camelCaseMembers(member),
    ]),
  );
}

export interface ApiCall {
  principal: Principal;
  accessKeyId: string;
  region: string;
  /** The signing name: `ecs`, `servicediscovery`, … */
  service: string;
  operation: string;
  request: unknown;
  response: unknown;
  requestId: string;
  userAgent?: string;
}

/**
 * The `AWS API Call via CloudTrail` event a successful write call yields, or
 * nothing for calls CloudTrail does not send to EventBridge (reads). As in
 * AWS, `requestParameters` is the request as sent: it may hold what the
 * caller put in task definitions, so a consumer must pick fields, not keep
 * the event.
 */
export function cloudTrailEvent(call: ApiCall): EventBridgeEvent | undefined {
  const recorded = RECORDED[call.service];
  if (!recorded?.operations.has(call.operation)) return undefined;
  const { principal } = call;
  const members = (value: unknown) => (recorded.pascalCaseWire ? camelCaseMembers(value) : value);
  const assumed = principal.arn.includes(':assumed-role/');
  return eventBridgeEvent({
    detailType: 'AWS API Call via CloudTrail',
    source: `aws.${recorded.source}`,
    account: principal.accountId,
    region: call.region,
    resources: [],
    detail: {
      eventVersion: '1.08',
      userIdentity: {
        type: assumed ? 'AssumedRole' : 'IAMUser',
        principalId: principal.userId,
        arn: principal.arn,
        accountId: principal.accountId,
        accessKeyId: call.accessKeyId,
      },
      eventTime: eventTime(),
      eventSource: `${recorded.source}.amazonaws.com`,
      eventName: call.operation,
      awsRegion: call.region,
      sourceIPAddress: '127.0.0.1',
      userAgent: call.userAgent ?? 'unknown',
      requestParameters: members(call.request ?? null),
      responseElements: members(call.response ?? null),
      requestID: call.requestId,
      eventID: randomUUID(),
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: principal.accountId,
      eventCategory: 'Management',
    },
  });
}
