import { ECSClient } from '@aws-sdk/client-ecs';
import { RAMClient } from '@aws-sdk/client-ram';
import { ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import { STSClient } from '@aws-sdk/client-sts';
import { LocalAws } from '../startLocalAws';
import { Estate } from '../estate/types';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const DEMO_KEY: Credentials = {
  accessKeyId: 'AKIADEMO111111111111',
  secretAccessKey: 'demo',
};
export const SANDBOX_KEY: Credentials = {
  accessKeyId: 'AKIASANDBOX000000001',
  secretAccessKey: 'sandbox',
};
export const SANDBOX_ACCOUNT = '123456789012';

interface ClientOptions {
  region?: string;
  credentials?: Credentials;
  maxAttempts?: number;
  /** Cloud Map's DiscoverInstances goes to `data-<host>` unless this is set. */
  disableHostPrefix?: boolean;
}

function config(local: LocalAws, options: ClientOptions) {
  return {
    endpoint: local.url,
    region: options.region ?? 'eu-west-1',
    credentials: options.credentials ?? DEMO_KEY,
    maxAttempts: options.maxAttempts,
    disableHostPrefix: options.disableHostPrefix,
  };
}

export const ecsClient = (local: LocalAws, options: ClientOptions = {}) =>
  new ECSClient(config(local, options));
export const cloudMapClient = (local: LocalAws, options: ClientOptions = {}) =>
  new ServiceDiscoveryClient(config(local, options));
export const ramClient = (local: LocalAws, options: ClientOptions = {}) =>
  new RAMClient(config(local, options));
export const stsClient = (local: LocalAws, options: ClientOptions = {}) =>
  new STSClient(config(local, options));

/**
 * One account with two subnets, an HTTP namespace `sc.test` and a private
 * DNS namespace `dns.test`, a cluster `sandbox` defaulting to `sc.test`, a
 * cluster `bare` without defaults, and nothing running: for tests that
 * create their own resources.
 */
export function sandboxEstate(): Estate {
  return {
    accounts: [
      {
        id: SANDBOX_ACCOUNT,
        accessKeys: [{ id: SANDBOX_KEY.accessKeyId }],
        regions: {
          'eu-west-1': {
            subnets: [
              {
                id: 'subnet-00000000000000001',
                cidr: '10.1.1.0/28',
                availabilityZone: 'eu-west-1a',
              },
              {
                id: 'subnet-00000000000000002',
                cidr: '10.1.2.0/24',
                availabilityZone: 'eu-west-1b',
              },
            ],
            namespaces: [
              { name: 'sc.test', type: 'HTTP' },
              { name: 'dns.test', type: 'DNS_PRIVATE' },
            ],
            clusters: [
              {
                name: 'sandbox',
                serviceConnectDefaults: { namespace: 'sc.test' },
                containerInstances: { count: 2 },
              },
              { name: 'bare' },
            ],
            taskDefinitions: [
              {
                family: 'web',
                networkMode: 'awsvpc',
                containerDefinitions: [
                  {
                    name: 'web',
                    image: 'web:1',
                    portMappings: [
                      {
                        name: 'http',
                        containerPort: 8080,
                        appProtocol: 'http',
                      },
                    ],
                  },
                ],
              },
            ],
          },
        },
      },
    ],
  };
}

export const SANDBOX_SUBNETS = [
  'subnet-00000000000000001',
  'subnet-00000000000000002',
];
