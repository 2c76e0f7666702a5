import { dryRun, Harness, startHarness } from './__testUtils__/backend';
import { terraform } from './__testUtils__/renderedTerraform';

jest.setTimeout(120_000);

/**
 * An App Mesh service on EC2 whose task definition sets no task size (its
 * containers are sized instead, as EC2 allows), beside the demo estate.
 */
const LEDGER_ESTATE = `
accounts:
  - id: '111111111111'
    regions:
      eu-west-1:
        clusters:
          - name: ledger
        taskDefinitions:
          - family: ledger-api
            networkMode: awsvpc
            requiresCompatibilities: [EC2]
            proxyConfiguration:
              type: APPMESH
              containerName: envoy
              properties:
                - { name: IgnoredUID, value: '1337' }
                - { name: ProxyIngressPort, value: '15000' }
                - { name: ProxyEgressPort, value: '15001' }
                - { name: AppPorts, value: '8080' }
            containerDefinitions:
              - name: ledger-api
                image: public.ecr.aws/ecs-net-demo/ledger-api:2.1.0
                cpu: 512
                memory: 1024
                portMappings:
                  - { name: http, containerPort: 8080, protocol: tcp }
              - name: envoy
                image: public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod
                cpu: 128
                memoryReservation: 128
                user: '1337'
                environment:
                  - name: APPMESH_RESOURCE_ARN
                    value: arn:aws:appmesh:eu-west-1:111111111111:mesh/shop-mesh/virtualNode/ledger-api
        services:
          - name: ledger-api
            cluster: ledger
            taskDefinition: ledger-api
            desiredCount: 1
            launchType: EC2
            networkConfiguration:
              awsvpcConfiguration:
                subnets: [subnet-0a11e1a0000000001]
                securityGroups: [sg-0a11e1a00000005c0]
            tags:
              owner: team-ledger
`;

describe('ecs-migrate-app-mesh on an EC2 service without a task size', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ extraEstate: LEDGER_ESTATE });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("sets no task size, keeps the containers' sizes, and says so", async () => {
    const result = await dryRun(h.server, 'ecs-migrate-app-mesh', {
      service: {
        serviceArn:
          'arn:aws:ecs:eu-west-1:111111111111:service/ledger/ledger-api',
        namespace: 'sc.local',
      },
    });
    const tf = await terraform(result);
    expect(tf.taskDefinition.requires_compatibilities).toEqual(['EC2']);
    expect(tf.taskDefinition.cpu).toBeUndefined();
    expect(tf.taskDefinition.memory).toBeUndefined();
    expect(tf.taskDefinition.proxy_configuration).toBeUndefined();
    expect(result.files['terraform/main.tf']).toContain(
      'No task-level cpu or memory: the live task definition ledger-api sets',
    );
    expect(tf.containers).toEqual([
      expect.objectContaining({ name: 'ledger-api', cpu: 512, memory: 1024 }),
    ]);
    expect(result.files['MIGRATION.md']).toContain(
      "Task size: no task-level CPU, no task-level memory (the live task definition sets none; its containers' own sizes are kept).",
    );
    // No component tag today: the change adds one, and says so.
    expect(tf.service.tags).toEqual({
      owner: 'team-ledger',
      component: 'ledger-api',
    });
    expect(result.files['MIGRATION.md']).toContain(
      'Tags, as the service has them: `owner`; `component = ledger-api` is added, linking the service to its catalog Component.',
    );
    expect(result.files['MIGRATION.md']).not.toContain('Not written back');
  });
});
