import {
  CreateServiceCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTagsForResourceCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  Tag,
} from '@aws-sdk/client-ecs';
import { Estate } from '../estate/types';
import { LocalAws, startLocalAws } from '../startLocalAws';
import {
  ecsClient,
  SANDBOX_KEY,
  SANDBOX_SUBNETS,
  sandboxEstate,
} from '../__testUtils__/clients';

const environment = (count: number, value = 'x') =>
  Array.from({ length: count }, (_, i) => ({ name: `VAR_${i}`, value }));

const taskDefinition = (env: { name: string; value: string }[]) => ({
  family: 'big',
  networkMode: 'awsvpc' as const,
  containerDefinitions: [{ name: 'app', image: 'app:1', environment: env }],
});

function requestBytes(input: object): number {
  return Buffer.byteLength(JSON.stringify(input), 'utf8');
}

describe('ECS limits the local endpoint enforces as AWS does', () => {
  let local: LocalAws;
  let ecs: ECSClient;

  beforeEach(async () => {
    local = await startLocalAws({ port: 0, estate: sandboxEstate() });
    ecs = ecsClient(local, { credentials: SANDBOX_KEY });
  });
  afterEach(async () => {
    ecs.destroy();
    await local.close();
  });

  describe('RegisterTaskDefinition size', () => {
    it('refuses a task definition over 64 KiB with the ClientException ECS answers', async () => {
      const input = taskDefinition(environment(3000));
      const size = requestBytes(input);
      expect(size).toBeGreaterThan(65536);

      await expect(
        ecs.send(new RegisterTaskDefinitionCommand(input)),
      ).rejects.toMatchObject({
        name: 'ClientException',
        message: `Actual length: '${size}'. Max allowed length is '65536' bytes.`,
      });
      const { taskDefinitionArns } = await ecs.send(
        new ListTaskDefinitionsCommand({ familyPrefix: 'big' }),
      );
      expect(taskDefinitionArns).toEqual([]);
    });

    it('keeps the largest allowed one intact', async () => {
      const shell = requestBytes(taskDefinition(environment(1, '')));
      const input = taskDefinition(environment(1, 'v'.repeat(65536 - shell)));
      expect(requestBytes(input)).toBe(65536);

      await ecs.send(new RegisterTaskDefinitionCommand(input));
      const { taskDefinition: described } = await ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: 'big' }),
      );
      expect(
        described!.containerDefinitions![0].environment![0].value,
      ).toHaveLength(65536 - shell);
    });
  });

  describe('tags', () => {
    const createService = (serviceName: string, tags: Tag[]) =>
      ecs.send(
        new CreateServiceCommand({
          cluster: 'sandbox',
          serviceName,
          taskDefinition: 'web',
          networkConfiguration: {
            awsvpcConfiguration: { subnets: SANDBOX_SUBNETS },
          },
          tags,
        }),
      );

    it.each([
      [
        'a key over 128 characters',
        [{ key: 'k'.repeat(129), value: 'v' }],
        "at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128",
      ],
      [
        'a value over 256 characters',
        [
          { key: 'owner', value: 'team-a' },
          { key: 'system', value: 's'.repeat(257) },
        ],
        "at 'tags.2.member.value' failed to satisfy constraint: Member must have length less than or equal to 256",
      ],
      [
        'markup in a value',
        [{ key: 'owner', value: '<img src=x onerror=alert(1)>' }],
        "Value '<img src=x onerror=alert(1)>' at 'tags.1.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern",
      ],
      [
        'a comma in a value',
        [{ key: 'depends-on', value: 'orders,payments' }],
        'Member must satisfy regular expression pattern',
      ],
      [
        'more than 50 tags',
        Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })),
        'A resource can have at most 50 tags; the request has 51.',
      ],
    ])('refuses %s', async (_what, tags, message) => {
      await expect(createService('web', tags)).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringContaining(message),
      });
    });

    it('accepts the longest keys and values, Unicode letters, spaces and empty values', async () => {
      const tags = [
        { key: 'k'.repeat(128), value: 'v'.repeat(256) },
        // 256 code points, 512 UTF-8 bytes: the limit counts characters.
        { key: 'équipe', value: 'é'.repeat(256) },
        { key: 'owner', value: 'équipe données 東京' },
        { key: 'system', value: '' },
      ];
      const { service } = await createService('web', tags);
      const listed = await ecs.send(
        new ListTagsForResourceCommand({ resourceArn: service!.serviceArn }),
      );
      expect(listed.tags).toEqual(tags);
    });

    it('refuses a TagResource that would leave more than 50 tags', async () => {
      const { service } = await createService(
        'web',
        Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: '' })),
      );
      // Replacing a value keeps the count; a new key would be the 51st.
      await ecs.send(
        new TagResourceCommand({
          resourceArn: service!.serviceArn,
          tags: [{ key: 'k0', value: 'new' }],
        }),
      );
      await expect(
        ecs.send(
          new TagResourceCommand({
            resourceArn: service!.serviceArn,
            tags: [{ key: 'k50', value: '' }],
          }),
        ),
      ).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message:
          'A resource can have at most 50 tags; this request would leave 51.',
      });
    });

    it('checks task definition tags too', async () => {
      await expect(
        ecs.send(
          new RegisterTaskDefinitionCommand({
            ...taskDefinition(environment(1)),
            tags: [{ key: 'owner', value: 'a;b' }],
          }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    });
  });
});

describe('what an estate may seed', () => {
  function estateWith(change: (region: any) => void): Estate {
    const estate = sandboxEstate();
    change(estate.accounts[0].regions!['eu-west-1']);
    return estate;
  }

  it('refuses tags AWS would refuse, naming where they are', async () => {
    const estate = estateWith(region => {
      region.services = [
        {
          name: 'web',
          cluster: 'sandbox',
          taskDefinition: 'web',
          networkConfiguration: {
            awsvpcConfiguration: { subnets: SANDBOX_SUBNETS },
          },
          tags: { owner: 'x'.repeat(257) },
        },
      ];
    });
    await expect(startLocalAws({ port: 0, estate })).rejects.toThrow(
      /estate 123456789012\/eu-west-1 service sandbox\/web: .*Member must have length less than or equal to 256/,
    );
  });

  it('seeds a task definition past the API size limit, for reader tests', async () => {
    const estate = estateWith(region => {
      region.taskDefinitions.push(taskDefinition(environment(10_000)));
    });
    const local = await startLocalAws({ port: 0, estate });
    const ecs = ecsClient(local, { credentials: SANDBOX_KEY });
    try {
      const { taskDefinition: described } = await ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: 'big' }),
      );
      expect(described!.containerDefinitions![0].environment).toHaveLength(
        10_000,
      );
    } finally {
      ecs.destroy();
      await local.close();
    }
  });
});
