import { QueryService } from '../protocol/CallContext';
import { AwsError } from '../util/AwsError';
import { AssumeRoleDenied } from '../iam/CredentialStore';

const validation = (message: string) =>
  new AwsError('ValidationError', message, 400);

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export const stsApi: QueryService = {
  signingName: 'sts',
  version: '2011-06-15',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  actions: {
    GetCallerIdentity(ctx) {
      return {
        Arn: ctx.principal.arn,
        UserId: ctx.principal.userId,
        Account: ctx.principal.accountId,
      };
    },

    AssumeRole(ctx, params) {
      const roleArn = params.get('RoleArn');
      const sessionName = params.get('RoleSessionName');
      if (!roleArn || roleArn.length < 20) {
        throw validation(
          "1 validation error detected: Value at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
        );
      }
      if (!sessionName || !SESSION_NAME.test(sessionName)) {
        throw validation(
          "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64",
        );
      }
      const duration = Number(params.get('DurationSeconds') ?? 3600);
      if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
        throw validation(
          `1 validation error detected: Value '${params.get(
            'DurationSeconds',
          )}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
        );
      }
      try {
        const session = ctx.world.credentials.assumeRole(
          ctx.principal,
          roleArn,
          sessionName,
          duration,
        );
        return {
          Credentials: {
            AccessKeyId: session.accessKeyId,
            SecretAccessKey: session.secretAccessKey,
            SessionToken: session.sessionToken,
            Expiration: session.expiration,
          },
          AssumedRoleUser: {
            AssumedRoleId: session.assumedRoleId,
            Arn: session.assumedRoleArn,
          },
          PackedPolicySize: 0,
        };
      } catch (error) {
        if (error instanceof AssumeRoleDenied) {
          throw new AwsError('AccessDenied', error.message, 403);
        }
        throw error;
      }
    },
  },
};
