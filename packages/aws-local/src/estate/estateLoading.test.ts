import { ListServicesCommand } from '@aws-sdk/client-ecs';
import { generateEstate } from './generateEstate';
import { parseEstate } from './loadEstate';
import { startLocalAws } from '../startLocalAws';
import { ecsClient } from '../__testUtils__/clients';

const DRIFTED = (flag: string) => `
accounts:
  - id: 123456789012
    accessKeys: [{ id: AKIADRIFT00000000001 }]
    regions:
      eu-west-1:
        subnets: [{ id: subnet-1, cidr: 10.0.0.0/24 }]
        namespaces: [{ name: sc.local, type: HTTP }]
        clusters: [{ name: c, serviceConnectDefaults: { namespace: sc.local } }]
        taskDefinitions:
          - family: pay
            networkMode: awsvpc
            containerDefinitions: [{ name: pay, portMappings: [{ name: http, containerPort: 8080 }] }]
        services:
          - name: pay
            cluster: c
            taskDefinition: pay
            networkConfiguration: { awsvpcConfiguration: { subnets: [subnet-1] } }
            serviceConnectConfiguration: { enabled: true, services: [{ portName: pay-http }] }
            ${flag}
`;

describe('estate files', () => {
  it('restores an unquoted account id and reports where a document is malformed', () => {
    expect(parseEstate(DRIFTED('')).accounts[0].id).toBe('123456789012');
    expect(() => parseEstate('accounts: [{ id: acme }]', 'x.yaml')).toThrow(
      'estate x.yaml accounts[0]: account id must be 12 digits',
    );
    expect(() => parseEstate('clusters: []')).toThrow(
      'must have an `accounts` list',
    );
  });

  it('seeds a portName mismatch only when the item says seedUnchecked', async () => {
    await expect(
      startLocalAws({ estate: parseEstate(DRIFTED('')) }),
    ).rejects.toThrow(
      /estate 123456789012\/eu-west-1 service c\/pay: The portName 'pay-http'/,
    );
    const local = await startLocalAws({
      estate: parseEstate(DRIFTED('seedUnchecked: true')),
    });
    await local.close();
  });
});

describe('generateEstate', () => {
  it('is deterministic for a seed', () => {
    const options = {
      services: 300,
      clusters: 4,
      regions: 2,
      accounts: 2,
      seed: 5,
    };
    expect(generateEstate(options)).toEqual(generateEstate(options));
    expect(generateEstate({ ...options, seed: 6 })).not.toEqual(
      generateEstate(options),
    );
  });

  it('mixes Service Connect, Service Discovery (A and SRV), App Mesh, endpoints in env vars and owners', () => {
    const estate = generateEstate({ services: 1000, clusters: 5, seed: 3 });
    const region = estate.accounts[0].regions!['eu-west-1'];
    const services = region.services!;
    const sc = services.filter(
      s =>
        (s.serviceConnectConfiguration?.services as unknown[] | undefined)
          ?.length,
    );
    const sd = services.filter(s => s.serviceRegistries?.length);
    const both = services.filter(s => sc.includes(s) && sd.includes(s));
    const srv = region.cloudMapServices!.filter(
      c => c.dnsConfig!.dnsRecords[0].type === 'SRV',
    );
    const mesh = region.taskDefinitions!.filter(
      td => (td.proxyConfiguration as { type?: string })?.type === 'APPMESH',
    );
    const env = JSON.stringify(
      region.taskDefinitions!.map(td => td.containerDefinitions[0].environment),
    );
    for (const count of [
      sc.length,
      sd.length,
      both.length,
      srv.length,
      mesh.length,
    ]) {
      expect(count).toBeGreaterThan(10);
    }
    expect(env).toMatch(/http:\/\/[a-z]+-\d+:8080\/api/);
    expect(env).toMatch(/jdbc:mysql:\/\/db-\d+\.app:3306\/x/);
    const ownerless = services.filter(s => !s.tags!.owner).length;
    expect(ownerless).toBeGreaterThan(0);
    expect(ownerless).toBeLessThan(100);
  });

  it('loads 10,000 services', async () => {
    const estate = generateEstate({
      services: 10_000,
      clusters: 20,
      regions: 2,
      accounts: 1,
      seed: 1,
    });
    const local = await startLocalAws({ estate });
    try {
      let total = 0;
      for (const region of ['eu-west-1', 'us-east-1']) {
        const ecs = ecsClient(local, {
          region,
          credentials: {
            accessKeyId: 'AKIASYNT300000000001',
            secretAccessKey: 'x',
          },
        });
        for (let c = 1; c <= 10; c++) {
          let nextToken: string | undefined;
          do {
            const page = await ecs.send(
              new ListServicesCommand({
                cluster: `cluster-${c}`,
                maxResults: 100,
                nextToken,
              }),
            );
            total += page.serviceArns!.length;
            nextToken = page.nextToken;
          } while (nextToken);
        }
      }
      expect(total).toBe(10_000);
    } finally {
      await local.close();
    }
  }, 60_000);
});
