import { randomUUID } from 'node:crypto';
import { Principal } from '../iam/CredentialStore';
import { eventBridgeEvent, EventBridgeEvent, eventTime } from './eventEnvelope';

/** The write calls CloudTrail records as management events, by signing name. */
const RECORDED: Record<string, { source: string; operations: Set<string> }> = {
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
      requestParameters: call.request ?? null,
      responseElements: call.response ?? null,
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
