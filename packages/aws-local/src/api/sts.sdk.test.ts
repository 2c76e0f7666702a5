import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { ListNamespacesCommand } from '@aws-sdk/client-servicediscovery';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
} from '@aws-sdk/client-sts';
import { LocalAws, startLocalAws } from '../startLocalAws';
import { cloudMapClient, ecsClient, stsClient } from '../__testUtils__/clients';

const READER_ROLE = 'arn:aws:iam::222222222222:role/ecs-networking-reader';

describe('STS through @aws-sdk/client-sts (awsQuery)', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAws();
  });
  afterAll(() => local.close());

  it('reports the caller of a long-term key, including the `test` alias', async () => {
    for (const accessKeyId of ['AKIADEMO111111111111', 'test']) {
      const identity = await stsClient(local, {
        credentials: { accessKeyId, secretAccessKey: 'x' },
      }).send(new GetCallerIdentityCommand({}));
      expect(identity).toMatchObject({
        Account: '111111111111',
        Arn: 'arn:aws:iam::111111111111:user/ecs-networking-demo',
        UserId: expect.stringMatching(/^AIDA[A-Z2-7]+$/),
      });
    }
  });

  it('assumes the reader role into account 222222222222, whose keys then act there', async () => {
    const { Credentials, AssumedRoleUser } = await stsClient(local).send(
      new AssumeRoleCommand({
        RoleArn: READER_ROLE,
        RoleSessionName: 'backstage',
        DurationSeconds: 900,
      }),
    );
    expect(Credentials!.AccessKeyId).toMatch(/^ASIA222222222222[A-Z2-7]{4}$/);
    expect(Credentials!.Expiration!.getTime()).toBeGreaterThan(
      Date.now() + 800_000,
    );
    expect(AssumedRoleUser!.Arn).toBe(
      'arn:aws:sts::222222222222:assumed-role/ecs-networking-reader/backstage',
    );
    const credentials = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    };
    const identity = await stsClient(local, { credentials }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(identity).toMatchObject({
      Account: '222222222222',
      Arn: AssumedRoleUser!.Arn,
    });
    const { clusterArns } = await ecsClient(local, { credentials }).send(
      new ListClustersCommand({}),
    );
    expect(clusterArns).toEqual([
      'arn:aws:ecs:eu-west-1:222222222222:cluster/data',
    ]);

    // Without its session token the temporary key is not recognised.
    const withoutToken = {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
    };
    await expect(
      ecsClient(local, { credentials: withoutToken }).send(
        new ListClustersCommand({}),
      ),
    ).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
  });

  it('denies roles that do not exist or do not trust the caller', async () => {
    await expect(
      stsClient(local).send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/admin',
          RoleSessionName: 's1',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    const account2 = {
      accessKeyId: 'AKIADEMO222222222222',
      secretAccessKey: 'demo',
    };
    await expect(
      stsClient(local, { credentials: account2 }).send(
        new AssumeRoleCommand({ RoleArn: READER_ROLE, RoleSessionName: 's1' }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(
      stsClient(local).send(
        new AssumeRoleCommand({
          RoleArn: READER_ROLE,
          RoleSessionName: 's',
          DurationSeconds: 60,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers unknown access keys the way each protocol does', async () => {
    const unknown = {
      accessKeyId: 'AKIAUNKNOWN000000000',
      secretAccessKey: 'x',
    };
    await expect(
      stsClient(local, { credentials: unknown }).send(
        new GetCallerIdentityCommand({}),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      ecsClient(local, { credentials: unknown }).send(
        new ListClustersCommand({}),
      ),
    ).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      cloudMapClient(local, { credentials: unknown }).send(
        new ListNamespacesCommand({}),
      ),
    ).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
  });
});
