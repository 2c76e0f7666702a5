import { eventTargets } from './awsEventTargets';

const ACCOUNT = '111111111111';
const SERVICE = `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/shop/orders`;
const envelope = (detailType: string, detail: object, extra: object = {}) => ({
  version: '0',
  id: 'e1',
  'detail-type': detailType,
  source: 'aws.ecs',
  account: ACCOUNT,
  region: 'eu-west-1',
  time: '2026-01-01T00:00:00Z',
  resources: [],
  detail,
  ...extra,
});
const names = (serviceArns: string[]) => ({
  kind: 'services',
  id: 'e1',
  accountId: ACCOUNT,
  region: 'eu-west-1',
  serviceArns,
  cloudMapServiceIds: [],
});

describe('eventTargets', () => {
  it.each([
    [
      'a task of a service',
      envelope('ECS Task State Change', {
        clusterArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/shop`,
        group: 'service:orders',
      }),
    ],
    ['a service action', envelope('ECS Service Action', {}, { resources: [SERVICE] })],
    ['a deployment', envelope('ECS Deployment State Change', {}, { resources: [SERVICE] })],
    [
      'CloudTrail UpdateService',
      envelope('AWS API Call via CloudTrail', {
        eventName: 'UpdateService',
        responseElements: { service: { serviceArn: SERVICE } },
      }),
    ],
    [
      'CloudTrail TagResource on a service',
      envelope('AWS API Call via CloudTrail', {
        eventName: 'TagResource',
        requestParameters: { resourceArn: SERVICE, tags: [] },
      }),
    ],
  ])('names the service of %s', (_, event) => {
    expect(eventTargets(event)).toEqual(names([SERVICE]));
  });

  it('names nothing for changes that touch no service, and knows no other events', () => {
    const standalone = envelope('ECS Task State Change', {
      clusterArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/shop`,
      group: 'family:batch',
    });
    const registered = envelope('AWS API Call via CloudTrail', {
      eventName: 'RegisterTaskDefinition',
      requestParameters: { containerDefinitions: [{ environment: [{ name: 'X', value: 'secret' }] }] },
    });
    expect(eventTargets(standalone)).toEqual({ kind: 'none' });
    expect(eventTargets(registered)).toEqual({ kind: 'none' });
    expect(eventTargets({ ...envelope('EC2 Instance State-change Notification', {}), source: 'aws.ec2' })).toEqual({
      kind: 'unknown',
    });
    expect(eventTargets('{"not":"parsed"}')).toEqual({ kind: 'unknown' });
  });

  it.each([
    ['CreateService', { responseElements: { service: { id: 'srv-new1', arn: 'arn:…' } } }, 'srv-new1'],
    ['DeleteService', { requestParameters: { id: 'srv-old1' } }, 'srv-old1'],
    ['RegisterInstance', { requestParameters: { serviceId: 'srv-db1', instanceId: 'i-1' } }, 'srv-db1'],
    ['DeregisterInstance', { requestParameters: { serviceId: 'srv-db1', instanceId: 'i-1' } }, 'srv-db1'],
  ])('names the Cloud Map service of CloudTrail %s', (eventName, fields, id) => {
    const event = envelope('AWS API Call via CloudTrail', { eventName, ...fields }, { source: 'aws.servicediscovery' });
    expect(eventTargets(event)).toEqual({ ...names([]), cloudMapServiceIds: [id] });
  });

  it('leaves Cloud Map namespace changes to the full sync', () => {
    const created = envelope(
      'AWS API Call via CloudTrail',
      { eventName: 'CreatePrivateDnsNamespace', requestParameters: { name: 'new.local' } },
      { source: 'aws.servicediscovery' },
    );
    expect(eventTargets(created)).toEqual({ kind: 'none' });
  });

  it('does not trust a service ARN of another account than the event', () => {
    const other = SERVICE.replace(ACCOUNT, '999999999999');
    expect(eventTargets(envelope('ECS Service Action', {}, { resources: [other] }))).toEqual({ kind: 'none' });
  });
});
