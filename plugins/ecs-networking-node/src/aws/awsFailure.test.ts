import { formatAwsFailure, NonAwsResponseError, tagOperation } from './awsFailure';

function awsError(name: string, status: number, extra: object = {}) {
  const error = Object.assign(new Error(`${name} says no`), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'req-1', attempts: 8 },
    ...extra,
  });
  tagOperation(error, 'ecs:ListServices');
  return error;
}

describe('formatAwsFailure', () => {
  it('says where, which call, what answered, and what to do', () => {
    expect(formatAwsFailure(awsError('AccessDeniedException', 403), '111111111111/eu-west-1')).toBe(
      "111111111111/eu-west-1 ecs:ListServices failed: HTTP 403 AccessDeniedException, request id req-1: the credentials may not call ecs:ListServices: allow it in the reader role's policy (the backend README lists the policy), and check that no SCP denies it",
    );
  });

  it('advises on each kind of failure', () => {
    const cases: Array<[unknown, RegExp]> = [
      [awsError('ThrottlingException', 400), /still throttled after 8 attempts: lower ecsNetworking\.quotaShare/],
      [awsError('ExpiredTokenException', 400), /the credentials were refused/],
      [awsError('UnknownOperationException', 400), /the endpoint does not implement ecs:ListServices$/],
      [awsError('InternalFailure', 500), /AWS answered a server error 8 times; the next sync tries again$/],
      [awsError('InvalidParameterException', 400), /InvalidParameterException says no$/],
      [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), /no HTTP answer ECONNREFUSED: no answer from the endpoint/],
      [new NonAwsResponseError(502, 'text/html', undefined), /HTTP 502 non-AWS response: the endpoint is not answering as AWS does/],
    ];
    for (const [error, advice] of cases) expect(formatAwsFailure(error)).toMatch(advice);
  });

  it('points at the trust policy when assuming the role is denied', () => {
    const error = Object.assign(new Error('not authorized to perform sts:AssumeRole'), {
      name: 'AccessDenied',
      $fault: 'client',
      $metadata: { httpStatusCode: 403 },
    });
    tagOperation(error, 'sts:AssumeRole');
    expect(formatAwsFailure(error)).toBe(
      "sts:AssumeRole failed: HTTP 403 AccessDenied: the backend's credentials may not assume the account's role: check the role name in aws.accounts, the role's trust policy, and any external id",
    );
  });

  it('keeps the first operation named on an error', () => {
    const error = awsError('InternalFailure', 500);
    tagOperation(error, 'ecs:DescribeServices');
    expect(formatAwsFailure(error)).toMatch(/^ecs:ListServices failed/);
  });
});
