import type { Estate, LocalAws } from '@ecs-net/aws-local';
import { DEMO_ESTATE_PATH, demoAwsConfig, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  analyzeNetwork,
  extractReferences,
  retainReferences,
  ScopeSnapshot,
} from '@ecs-net/plugin-ecs-networking-common';
import path from 'node:path';
import { CallStats } from '../aws/CallStats';
import { createScopeClients, ScopePacer } from '../aws/scopeClients';
import { EstateReader } from '../EstateReader';
import { readScope } from './readScope';
import { TaskDefinitionCache } from './TaskDefinitionCache';
import { InstanceListCache } from './InstanceListCache';

jest.setTimeout(120_000);

const CANARY = 'ecsnet-canary-7f3a9b';
const HOSTILE_ESTATE = path.resolve(
  path.dirname(DEMO_ESTATE_PATH),
  'hostile.yaml',
);
const HOSTILE = '333333333333';
const OVERSIZE = '444444444444';
const MEGABYTE = 1 << 20;

/**
 * Task definitions no RegisterTaskDefinition call could make (AWS caps them
 * at 64 KiB), seeded directly: 10,000 environment entries, and values of a
 * megabyte shaped to be slow for a careless parser. The canary sits among
 * them, in a secret-named and in a plain variable.
 */
function oversizeEstate(): Estate {
  const manyVariables = Array.from({ length: 10_000 }, (_, i) => ({
    name: `VAR_${i}`,
    value: `value-${i}`,
  }));
  manyVariables[4_999] = { name: 'DB_PASSWORD', value: CANARY };
  manyVariables[5_000] = { name: 'NOTE', value: `see ${CANARY}` };
  manyVariables[9_999] = { name: 'ORDERS_URL', value: 'http://orders:8080/api' };
  const megabyteValues = [
    { name: 'BLOB', value: 'x'.repeat(MEGABYTE) },
    // One URL whose path runs for a megabyte: the path is cut, the host kept.
    { name: 'LONG_URL', value: `http://orders:8080/${'a'.repeat(MEGABYTE)}` },
    // Dots, colons and at-signs: the shapes address parsing looks for.
    { name: 'DOTS', value: 'a.'.repeat(MEGABYTE / 2) },
    { name: 'COLONS', value: 'b:'.repeat(MEGABYTE / 2) },
    { name: 'MANY_URLS', value: 'http://x@y '.repeat(MEGABYTE / 11) },
    { name: 'SECRET_IN_URL', value: `postgres://app:${CANARY}@db.app:5432/x` },
  ];
  const container = (environment: { name: string; value: string }[]) => ({
    name: 'app',
    image: 'app:1',
    portMappings: [{ name: 'http', containerPort: 8080 }],
    environment,
  });
  const service = (name: string, taskDefinition: string) => ({
    name,
    cluster: 'big',
    taskDefinition,
    desiredCount: 1,
    launchType: 'FARGATE' as const,
    networkConfiguration: {
      awsvpcConfiguration: { subnets: ['subnet-0d44e1a0000000001'] },
    },
    tags: { owner: 'team-big' },
  });
  return {
    accounts: [
      {
        id: OVERSIZE,
        accessKeys: [{ id: 'AKIAOVERSIZE44444444' }],
        roles: [
          { name: 'ecs-networking-reader', trustedAccounts: ['111111111111'] },
        ],
        regions: {
          'eu-west-1': {
            subnets: [
              { id: 'subnet-0d44e1a0000000001', cidr: '10.44.1.0/24' },
            ],
            clusters: [{ name: 'big' }],
            taskDefinitions: [
              {
                family: 'many-variables',
                networkMode: 'awsvpc',
                containerDefinitions: [container(manyVariables)],
              },
              {
                family: 'megabyte-values',
                networkMode: 'awsvpc',
                containerDefinitions: [container(megabyteValues)],
              },
            ],
            services: [
              service('many-variables', 'many-variables'),
              service('megabyte-values', 'megabyte-values'),
            ],
          },
        },
      },
    ],
  };
}

function scopeClients(accessKeyId: string) {
  return createScopeClients({
    region: 'eu-west-1',
    credentials: async () => ({ accessKeyId, secretAccessKey: 'x' }),
    pacer: new ScopePacer(1),
    stats: new CallStats(),
  });
}

async function read(accountId: string, accessKeyId: string) {
  const clients = scopeClients(accessKeyId);
  const started = performance.now();
  try {
    const snapshot = await readScope({
      scope: { accountId, region: 'eu-west-1' },
      clients,
      taskDefinitions: new TaskDefinitionCache(),
      instanceLists: new InstanceListCache(),
      concurrency: 4,
    });
    return { snapshot, ms: performance.now() - started };
  } finally {
    Object.values(clients).forEach(client => client.destroy());
  }
}

function referencesOf(snapshot: ScopeSnapshot, family: string) {
  const td = snapshot.taskDefinitions.find(t => t.family === family)!;
  return td.containers.flatMap(c => c.references);
}

describe('bad input from AWS, through the reader', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAwsForSdk({
      port: 0,
      estate: [DEMO_ESTATE_PATH, HOSTILE_ESTATE, oversizeEstate()],
    });
  });
  afterAll(async () => {
    await local?.close();
  });

  it('reads 10,000 environment entries and megabyte values, keeping only addresses', async () => {
    // Parsing is linear in a value's length. A quadratic parser would block
    // for hours on the values below, so it is caught on 64 KiB first, by the
    // CPU time it takes: unlike elapsed time, a busy machine does not stretch it.
    const started = process.cpuUsage();
    extractReferences('x'.repeat(1 << 16), { kind: 'environment', variable: 'X' });
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(250);

    const { snapshot, ms } = await read(OVERSIZE, 'AKIAOVERSIZE44444444');
    expect(snapshot.services.map(s => s.name).sort()).toEqual([
      'many-variables',
      'megabyte-values',
    ]);
    expect(referencesOf(snapshot, 'many-variables').map(r => r.text)).toEqual([
      'http://orders:8080/api',
    ]);
    const long = referencesOf(snapshot, 'megabyte-values');
    expect(long.map(r => r.text)).toEqual(
      expect.arrayContaining(['http://orders:8080', 'postgres://db.app:5432/x']),
    );
    // Nothing of a value but its address survives: no megabyte string, no secret.
    const json = JSON.stringify(snapshot);
    expect(json).not.toContain(CANARY);
    expect(json.length).toBeLessThan(200_000);
    // eslint-disable-next-line no-console
    console.log(
      `oversize scope read in ${Math.round(ms)} ms; snapshot ${json.length} bytes of JSON`,
    );
  });

  it('reads the hostile estate whole: markup, Unicode, maximum lengths, empty values', async () => {
    const { snapshot } = await read(HOSTILE, 'AKIAHOSTILE333333333');
    expect(snapshot.services).toHaveLength(7);
    const orders = snapshot.services.find(s => s.name === 'orders')!;
    expect(orders.tags).toMatchObject({
      owner: 'équipe-données',
      lifecycle: 'производство',
    });
    const capital = snapshot.services.find(s => s.name === 'Orders')!;
    expect(capital.tags.owner).toBe('');
    expect(Object.entries(capital.tags)).toContainEqual([
      'k'.repeat(128),
      expect.stringMatching(/^(système-)+/),
    ]);
    expect(snapshot.namespaces.map(ns => ns.name).sort()).toEqual([
      `"'><svg/onload=alert(4)>`,
      '<img/src/onerror=window.__ecsnetXss=1>',
    ]);
    // Registered by hand with no address attribute: read, without an address,
    // and none of its custom attributes.
    const directory = snapshot.cloudMapServices.find(
      s => s.name === 'legacy-directory',
    )!;
    expect(directory.instances).toEqual([
      {
        id: 'i-0c33e1a0000noaddr',
        ipv4: undefined,
        port: undefined,
        health: undefined,
      },
    ]);
    expect(JSON.stringify(snapshot)).not.toContain(CANARY);
    // The markup in the orders container's environment is not an address.
    expect(referencesOf(snapshot, 'orders').map(r => r.text)).not.toContainEqual(
      expect.stringContaining('<'),
    );
  });

  it('names each bad tag in a finding', async () => {
    const { snapshot } = await read(HOSTILE, 'AKIAHOSTILE333333333');
    const model = analyzeNetwork(retainReferences([snapshot]));
    const findings = model.findings.map(f => `${f.ruleId} ${f.subject.name}: ${f.message}`);
    expect(findings).toEqual(
      expect.arrayContaining([
        'owner-tag-missing Orders: No "owner" tag, so the catalog gives this service the default owner (ecsNetworking.ownership.defaultOwner) and no team is accountable for it.',
        expect.stringMatching(
          /^reference-unresolved orders: tag depends-on names arn:aws:ecs:eu-west-1:333333333333:service\/hostile, which no known endpoint answers/,
        ),
        expect.stringMatching(/^reference-unresolved orders: tag depends-on names arn:aws:ecs, which/),
        expect.stringMatching(/^reference-unresolved orders: tag depends-on names nowhere.hostile:1, which/),
        // Read from AWS RAM: the share carries the default permission only.
        `shared-namespace-ecs-permission "'><svg/onload=alert(4)>: Resource share legacy-directory-share shares namespace "'><svg/onload=alert(4)> with 444444444444 under AWSRAMDefaultPermissionCloudMapNamespace, without AWSRAMPermissionCloudMapECSFullPermission, so Service Connect in those accounts cannot use it.`,
      ]),
    );
  });

  it('never holds up the read of the rest: every scope is read, no secret in what comes out', async () => {
    const accounts = [
      { accountId: '111111111111', regions: ['eu-west-1', 'us-east-1'] },
      { accountId: '222222222222', regions: ['eu-west-1', 'us-east-1'] },
      { accountId: HOSTILE, regions: ['eu-west-1'] },
      { accountId: OVERSIZE, regions: ['eu-west-1'] },
    ];
    const reader = new EstateReader({
      credentials: DefaultAwsCredentialsManager.fromConfig(
        new ConfigReader({
          aws: {
            mainAccount: demoAwsConfig().mainAccount,
            accounts: accounts.slice(1).map(a => ({
              accountId: a.accountId,
              roleName: 'ecs-networking-reader',
            })),
          },
        }),
      ),
      quotaShare: 1,
      concurrency: 4,
    });
    const results = await reader.readEstate(
      accounts.flatMap(a => a.regions.map(region => ({ accountId: a.accountId, region }))),
    );
    expect(results.map(r => [r.scope.accountId, r.scope.region, r.snapshot?.services.length])).toEqual([
      ['111111111111', 'eu-west-1', 9],
      ['111111111111', 'us-east-1', 2],
      // loyalty-service joined the shop's shared namespace.
      ['222222222222', 'eu-west-1', 3],
      ['222222222222', 'us-east-1', 1],
      [HOSTILE, 'eu-west-1', 7],
      [OVERSIZE, 'eu-west-1', 2],
    ]);
    // Snapshots, errors and notes are all that leaves the reader.
    expect(JSON.stringify(results.map(({ stats, ...rest }) => rest))).not.toContain(CANARY);
  });
});
