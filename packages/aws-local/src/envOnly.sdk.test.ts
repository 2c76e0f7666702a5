import { ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import {
  ListNamespacesCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { LocalAws, startLocalAws } from './startLocalAws';

const ENDPOINT_VARIABLES = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_ECS',
  'AWS_ENDPOINT_URL_SERVICEDISCOVERY',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
];

describe('configuration through the standard environment variables only', () => {
  let local: LocalAws;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    local = await startLocalAws();
    for (const name of ENDPOINT_VARIABLES) saved[name] = process.env[name];
  });
  afterAll(() => local.close());
  beforeEach(() => {
    for (const name of ENDPOINT_VARIABLES) delete process.env[name];
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIADEMO111111111111',
      AWS_SECRET_ACCESS_KEY: 'demo',
      AWS_REGION: 'eu-west-1',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    });
  });
  afterEach(() => {
    for (const name of ENDPOINT_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  async function callAllThree() {
    const services = await new ECSClient({}).send(
      new ListServicesCommand({ cluster: 'shop' }),
    );
    const namespaces = await new ServiceDiscoveryClient({}).send(
      new ListNamespacesCommand({}),
    );
    const identity = await new STSClient({}).send(
      new GetCallerIdentityCommand({}),
    );
    return { services, namespaces, identity };
  }

  it('reaches every service through AWS_ENDPOINT_URL', async () => {
    process.env.AWS_ENDPOINT_URL = local.url;
    const { services, namespaces, identity } = await callAllThree();
    expect(services.serviceArns).toHaveLength(7);
    expect(namespaces.Namespaces!.map(n => n.Name)).toEqual([
      'sc.local',
      'app',
    ]);
    expect(identity.Account).toBe('111111111111');
  });

  it('honours the per-service variables over AWS_ENDPOINT_URL', async () => {
    // Port 9 (discard) on loopback: nothing listens there.
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
    process.env.AWS_ENDPOINT_URL_ECS = local.url;
    process.env.AWS_ENDPOINT_URL_SERVICEDISCOVERY = local.url;
    process.env.AWS_ENDPOINT_URL_STS = local.url;
    const { services, identity } = await callAllThree();
    expect(services.serviceArns).toHaveLength(7);
    expect(identity.Arn).toBe(
      'arn:aws:iam::111111111111:user/ecs-networking-demo',
    );
  });
});
