import { mockCredentials } from '@backstage/backend-test-utils';
import { readFile, rm } from 'node:fs/promises';
import request from 'supertest';
import YAML from 'yaml';
import {
  dryRun,
  Harness,
  loadTemplate,
  startHarness,
  TEMPLATES_DIR,
} from './__testUtils__/backend';
import { terraform } from './__testUtils__/renderedTerraform';
import { untar } from './__testUtils__/untar';

jest.setTimeout(120_000);

const LEGACY_GATEWAY_ARN =
  'arn:aws:ecs:eu-west-1:111111111111:service/shop/legacy-gateway';

/** The shop's sc.local, which the demo estate shares with 222222222222. */
const SHOP_NAMESPACE_ARN =
  'arn:aws:servicediscovery:eu-west-1:111111111111:namespace/ns-l2n76hau5wt5rpaa';

const TLS = {
  tlsCertificateAuthorityArn:
    'arn:aws:acm-pca:eu-west-1:222222222222:certificate-authority/0a1b2c3d-1111-2222-3333-444455556666',
  tlsKmsKey:
    'arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d-1111-2222-3333-444455556666',
  tlsRoleArn: 'arn:aws:iam::222222222222:role/ecs-service-connect-tls',
};

const service = {
  owner: 'group:default/team-orders',
  system: 'system:default/shop',
  lifecycle: 'production',
  accountId: '111111111111',
  region: 'eu-west-1',
  image: 'public.ecr.aws/nginx/nginx:stable',
  containerPort: 8080,
  portName: 'http',
  cpu: '256',
  memory: '512',
  desiredCount: 2,
};

describe('templates, rendered by the scaffolder dry run against the demo estate', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('lists every template in templates/all.yaml', async () => {
    const location = YAML.parse(
      await readFile(`${TEMPLATES_DIR}/all.yaml`, 'utf8'),
    );
    expect(location.kind).toBe('Location');
    const names: string[] = [];
    for (const target of location.spec.targets) {
      const template = YAML.parse(
        await readFile(`${TEMPLATES_DIR}/${target}`, 'utf8'),
      );
      expect(template).toMatchObject({
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
      });
      names.push(template.metadata.name);
      // Every template checks the plan and then what it generated.
      const actions = template.spec.steps.map(
        (s: { action: string }) => s.action,
      );
      expect(actions).toEqual(
        expect.arrayContaining([
          'ecs-networking:validate',
          'fetch:template',
          'ecs-networking:validate-terraform',
        ]),
      );
    }
    expect(names.sort()).toEqual([
      'ecs-migrate-app-mesh',
      'ecs-service-connect',
      'ecs-service-connect-and-discovery',
      'ecs-service-discovery',
    ]);
  });

  it('renders every template from one skeleton, switched by mode', async () => {
    const skeletons = await Promise.all(
      [
        'ecs-service-connect',
        'ecs-service-discovery',
        'ecs-service-connect-and-discovery',
        'ecs-migrate-app-mesh',
      ].map(async name => {
        const { template, directoryContents } = await loadTemplate(name);
        const render = template.spec.steps.find(
          (s: { action: string }) => s.action === 'fetch:template',
        );
        return {
          url: render.input.url,
          mode: render.input.values.mode,
          files: directoryContents.map((f: { path: string }) => f.path).sort(),
        };
      }),
    );
    expect(skeletons.map(s => s.mode)).toEqual([
      'service-connect',
      'service-discovery',
      'both',
      'migrate',
    ]);
    expect(
      new Set(skeletons.map(s => JSON.stringify([s.url, s.files]))).size,
    ).toBe(1);
  });

  describe('ecs-service-connect', () => {
    it('awsvpc in the cluster default namespace: port_name is the port mapping name, dependencies are variables', async () => {
      const result = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: 'checkout',
        cluster: 'shop',
        networkMode: 'awsvpc',
        useClusterDefaultNamespace: true,
        aliasPort: 8080,
        dependencies: ['order-service:8080', 'mysql.app'],
      });
      const tf = await terraform(result);
      const sc = tf.service.service_connect_configuration[0];
      const mapping = tf.containers[0].portMappings[0];
      expect(sc.service[0].port_name).toBe(mapping.name);
      expect(mapping).toMatchObject({ name: 'http', containerPort: 8080 });
      expect(sc.namespace).toBeUndefined(); // the cluster default
      expect(sc.service[0]).toMatchObject({
        discovery_name: 'checkout',
        client_alias: [{ dns_name: 'checkout', port: 8080 }],
      });
      expect(tf.taskDefinition).toMatchObject({
        network_mode: 'awsvpc',
        requires_compatibilities: ['FARGATE'],
      });
      expect(tf.service.network_configuration).toHaveLength(1);
      expect(tf.service.cluster).toBe('${data.aws_ecs_cluster.this.arn}');
      expect(tf.data.aws_ecs_cluster.this[0].cluster_name).toBe('shop');
      expect(tf.containers[0].environment).toEqual([
        { name: 'ORDER_SERVICE_URL', value: 'http://order-service:8080' },
        { name: 'MYSQL_HOST', value: 'mysql.app' },
      ]);
      expect(tf.service.tags).toEqual({
        owner: 'team-orders',
        system: 'shop',
        lifecycle: 'production',
        component: 'checkout',
      });

      const catalogInfo = YAML.parse(result.files['catalog-info.yaml']);
      expect(catalogInfo).toMatchObject({
        kind: 'Component',
        metadata: { name: 'checkout' },
        spec: {
          type: 'service',
          owner: 'group:default/team-orders',
          system: 'system:default/shop',
        },
      });
      expect(result.files['README.md']).toContain('`checkout:8080`');
      expect(result.files['README.md']).toContain(
        '| `order-service:8080` | `ORDER_SERVICE_URL=http://order-service:8080` | shop/order-service | team-orders |',
      );
      expect(result.files['terraform/versions.tf']).toContain(
        'allowed_account_ids = ["111111111111"]',
      );
      expect(JSON.stringify(result.output)).toContain('checkout:8080');
      expect(result.log.join('\n')).toContain('Terraform checks out');
    });

    it('keeps the generated files as an archive the backend serves to the user who ran it', async () => {
      const result = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: 'checkout',
        cluster: 'shop',
        networkMode: 'awsvpc',
        useClusterDefaultNamespace: true,
        aliasPort: 8080,
      });
      expect(result.error).toBeUndefined();
      const links = (result.output as any).links as { url: string }[];
      const id = /^\/ecs-networking-files\?archive=([0-9a-f-]{36})$/.exec(
        links[0].url,
      )?.[1];
      expect(id).toBeDefined();
      const route = `/api/scaffolder/ecs-networking/archives/${id}`;

      const listing = await request(h.server)
        .get(route)
        .set('authorization', mockCredentials.user.header());
      expect(listing.status).toBe(200);
      expect(listing.body).toMatchObject({ id, name: 'checkout' });
      const paths = listing.body.files.map((f: { path: string }) => f.path);
      expect(paths.sort()).toEqual(Object.keys(result.files).sort());

      const download = await request(h.server)
        .get(`${route}/download`)
        .set('authorization', mockCredentials.user.header())
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(download.status).toBe(200);
      expect(download.headers['content-disposition']).toBe(
        'attachment; filename="checkout.tar.gz"',
      );
      const dir = await untar(download.body);
      try {
        for (const path of paths) {
          expect(await readFile(`${dir}/${path}`, 'utf8')).toBe(
            result.files[path],
          );
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }

      // Nobody else gets it, signed in or not.
      const other = await request(h.server)
        .get(route)
        .set(
          'authorization',
          mockCredentials.user.header('user:default/someone-else'),
        );
      expect(other.status).toBe(404);
      const anonymous = await request(h.server)
        .get(route)
        .set('authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });

    it('bridge mode in a chosen namespace, with a custom port name', async () => {
      const result = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: 'catalog-api',
        cluster: 'web',
        networkMode: 'bridge',
        portName: 'api',
        useClusterDefaultNamespace: false,
        namespace: 'app',
        aliasPort: 9000,
        idleTimeoutSeconds: 300,
        perRequestTimeoutSeconds: 15,
        proxyLogGroup: '/ecs/service-connect',
      });
      const tf = await terraform(result);
      const sc = tf.service.service_connect_configuration[0];
      expect(sc.service[0].port_name).toBe('api');
      expect(tf.containers[0].portMappings[0]).toMatchObject({
        name: 'api',
        hostPort: 0,
      });
      expect(sc.namespace).toBe(
        '${data.aws_service_discovery_dns_namespace.service_connect.arn}',
      );
      expect(
        tf.data.aws_service_discovery_dns_namespace.service_connect[0],
      ).toMatchObject({ name: 'app', type: 'DNS_PRIVATE' });
      expect(sc.service[0].timeout[0]).toEqual({
        idle_timeout_seconds: 300,
        per_request_timeout_seconds: 15,
      });
      expect(sc.log_configuration[0].options['awslogs-group']).toBe(
        '/ecs/service-connect',
      );
      expect(tf.service.network_configuration).toBeUndefined();
      expect(tf.service.launch_type).toBe('EC2');
    });

    it("joins the shop's namespace shared from another account by its ARN, with TLS and timeouts", async () => {
      const result = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        accountId: '222222222222',
        name: 'rewards',
        cluster: 'data',
        networkMode: 'awsvpc',
        appProtocol: 'grpc',
        useClusterDefaultNamespace: false,
        namespace: SHOP_NAMESPACE_ARN,
        aliasPort: 8080,
        idleTimeoutSeconds: 900,
        perRequestTimeoutSeconds: 30,
        ...TLS,
      });
      const tf = await terraform(result);
      const sc = tf.service.service_connect_configuration[0];
      // A literal ARN: a data source looks names up in the account's own
      // namespaces only.
      expect(sc.namespace).toBe(SHOP_NAMESPACE_ARN);
      expect(tf.data.aws_service_discovery_http_namespace).toBeUndefined();
      expect(tf.containers[0].portMappings[0].appProtocol).toBe('grpc');
      expect(sc.service[0].timeout).toEqual([
        { idle_timeout_seconds: 900, per_request_timeout_seconds: 30 },
      ]);
      expect(sc.service[0].tls).toEqual([
        {
          issuer_cert_authority: [
            { aws_pca_authority_arn: TLS.tlsCertificateAuthorityArn },
          ],
          kms_key: TLS.tlsKmsKey,
          role_arn: TLS.tlsRoleArn,
        },
      ]);
      expect(result.files['terraform/main.tf']).toContain(
        'shared by account 111111111111 through AWS RAM',
      );
      expect(result.files['README.md']).toContain(
        `joined by its ARN \`${SHOP_NAMESPACE_ARN}\``,
      );
      expect(result.files['README.md']).toContain(
        '| Timeouts | idle 900, per request 30 (seconds; 0 is off) |',
      );
      expect(result.log.join('\n')).not.toMatch(/\[service-connect-/);
    });

    it('refuses the shared namespace by name, with its ARN in the fix', async () => {
      const result = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        accountId: '222222222222',
        name: 'rewards',
        cluster: 'data',
        networkMode: 'awsvpc',
        useClusterDefaultNamespace: false,
        namespace: 'sc.local',
        aliasPort: 8080,
      });
      expect(result.status).toBe(400);
      expect(result.files).toEqual({});
      expect(result.error).toContain(
        '[service-connect-shared-namespace-reference]',
      );
      expect(result.error).toContain(SHOP_NAMESPACE_ARN);
    });

    it('warns about a per-request timeout on tcp and a short grpc idle timeout, and leaves TLS out unless asked', async () => {
      const tcp = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: 'ledger',
        cluster: 'shop',
        networkMode: 'awsvpc',
        appProtocol: 'tcp',
        useClusterDefaultNamespace: true,
        aliasPort: 8080,
        perRequestTimeoutSeconds: 15,
      });
      const tf = await terraform(tcp);
      expect(tf.containers[0].portMappings[0].appProtocol).toBeUndefined();
      expect(tf.service.service_connect_configuration[0].service[0].tls).toBe(
        undefined,
      );
      expect(tcp.log.join('\n')).toContain(
        '[service-connect-timeout-protocol]',
      );

      const grpc = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: 'ledger',
        cluster: 'shop',
        networkMode: 'awsvpc',
        appProtocol: 'grpc',
        useClusterDefaultNamespace: true,
        aliasPort: 8080,
        idleTimeoutSeconds: 10,
      });
      await terraform(grpc);
      expect(grpc.log.join('\n')).toContain(
        '[service-connect-idle-timeout-short]',
      );
      expect(grpc.log.join('\n')).not.toContain(
        '[service-connect-timeout-protocol]',
      );
    });

    it('fails on a client alias a live service already claims, naming it and its owner', async () => {
      const result = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: 'checkout',
        cluster: 'shop',
        networkMode: 'awsvpc',
        useClusterDefaultNamespace: true,
        aliasDnsName: 'user-service',
        aliasPort: 8080,
      });
      expect(result.status).toBe(400);
      expect(result.files).toEqual({});
      expect(result.error).toContain(
        'Client alias user-service:8080 in namespace sc.local is also claimed by shop/user-service',
      );
      expect(result.error).toContain(
        'shop/user-service is owned by team-identity',
      );
      expect(result.error).toContain('Fix:');
    });

    it('reports every problem of one plan at once', async () => {
      const result = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: 'order-service',
        cluster: 'shop',
        networkMode: 'awsvpc',
        useClusterDefaultNamespace: true,
        discoveryName: 'product-service',
        aliasDnsName: 'user-service',
        aliasPort: 8080,
        dependencies: ['orders:8080'],
      });
      expect(result.status).toBe(400);
      expect(result.error).toMatch(/has 4 problems to fix/);
      for (const rule of [
        'service-name-taken',
        'duplicate-client-alias',
        'duplicate-discovery-name',
        'dependency-unknown',
      ]) {
        expect(result.error).toContain(`[${rule}]`);
      }
      expect(result.error).toContain('Did you mean: order-service:8080');
    });

    it('rejects bad and over-long names before anything runs', async () => {
      const traversal = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: '../../etc/passwd',
        cluster: 'shop',
        networkMode: 'awsvpc',
        useClusterDefaultNamespace: true,
        aliasPort: 8080,
      });
      expect(traversal.status).toBe(400);
      expect(traversal.parameterErrors?.map(e => e.stack)).toEqual([
        expect.stringContaining('instance.name does not match pattern'),
      ]);

      const shell = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: 'ok',
        cluster: 'shop;rm -rf /',
        networkMode: 'awsvpc',
        image: 'nginx$(reboot)',
        useClusterDefaultNamespace: true,
        aliasPort: 8080,
      });
      expect(shell.status).toBe(400);
      expect(shell.parameterErrors?.map(e => e.property).sort()).toEqual([
        'instance.cluster',
        'instance.image',
      ]);

      const long = await dryRun(h.server, 'ecs-service-connect', {
        ...service,
        name: 'a'.repeat(64),
        cluster: 'shop',
        networkMode: 'awsvpc',
        useClusterDefaultNamespace: true,
        aliasPort: 8080,
      });
      expect(long.status).toBe(400);
      expect(long.parameterErrors?.map(e => e.stack).join(' ')).toContain(
        'instance.name',
      );
    });

    it('fails in validate-terraform when the generated port_name drifts from the port mapping name', async () => {
      // A skeleton whose service says port_name "web" while the mapping is "http".
      const { template, directoryContents } = await loadTemplate(
        'ecs-service-connect',
      );
      const broken = directoryContents.map(file =>
        file.path === 'skeleton/terraform/main.tf'
          ? {
              ...file,
              base64Content: Buffer.from(
                Buffer.from(file.base64Content, 'base64')
                  .toString('utf8')
                  .replace(
                    'port_name      = "${{ values.portName }}"',
                    'port_name      = "web"',
                  ),
              ).toString('base64'),
            }
          : file,
      );
      const res = await request(h.server)
        .post('/api/scaffolder/v2/dry-run')
        .set('authorization', mockCredentials.user.header())
        .send({
          template,
          values: {
            ...service,
            name: 'checkout',
            cluster: 'shop',
            networkMode: 'awsvpc',
            useClusterDefaultNamespace: true,
            aliasPort: 8080,
          },
          directoryContents: broken,
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('The generated Terraform');
      expect(res.body.error.message).toContain(
        'Service Connect port name "web" matches no port mapping name',
      );
      expect(res.body.error.message).toContain('[service-connect-port-name]');
    });
  });

  describe('ecs-service-discovery', () => {
    const sd = {
      ...service,
      owner: 'group:default/team-web',
      system: 'system:default/web',
      cluster: 'web',
      ttl: 10,
      routingPolicy: 'MULTIVALUE',
    };

    it('awsvpc with A records: TTL 10, MULTIVALUE, custom health check, plain service_registries', async () => {
      const result = await dryRun(h.server, 'ecs-service-discovery', {
        ...sd,
        name: 'search',
        networkMode: 'awsvpc',
        recordType: 'A',
        createNamespace: false,
        namespace: 'app',
        dependencies: ['mysql.app'],
      });
      const tf = await terraform(result);
      expect(tf.cloudMap.dns_config[0]).toMatchObject({
        namespace_id:
          '${data.aws_service_discovery_dns_namespace.service_discovery.id}',
        dns_records: [{ ttl: 10, type: 'A' }],
        routing_policy: 'MULTIVALUE',
      });
      expect(tf.cloudMap.health_check_custom_config).toEqual([
        { failure_threshold: 1 },
      ]);
      expect(tf.service.service_registries).toEqual([
        { registry_arn: '${aws_service_discovery_service.this.arn}' },
      ]);
      expect(tf.service.service_connect_configuration).toBeUndefined();
      expect(
        tf.data.aws_service_discovery_dns_namespace.service_discovery[0],
      ).toMatchObject({ name: 'app', type: 'DNS_PRIVATE' });
      expect(result.files['README.md']).toContain('`search.app`');
    });

    it('bridge mode with SRV records: the registry names the container and port', async () => {
      const result = await dryRun(h.server, 'ecs-service-discovery', {
        ...sd,
        name: 'search',
        networkMode: 'bridge',
        recordType: 'SRV',
        containerPort: 9200,
        createNamespace: false,
        namespace: 'app',
      });
      const tf = await terraform(result);
      expect(tf.cloudMap.dns_config[0].dns_records).toEqual([
        { ttl: 10, type: 'SRV' },
      ]);
      expect(tf.service.service_registries).toEqual([
        {
          registry_arn: '${aws_service_discovery_service.this.arn}',
          container_name: 'search',
          container_port: 9200,
        },
      ]);
      expect(tf.containers[0].portMappings[0]).toMatchObject({
        containerPort: 9200,
        hostPort: 0,
      });
      expect(tf.taskDefinition.network_mode).toBe('bridge');
      expect(tf.service.network_configuration).toBeUndefined();
    });

    it('host mode with SRV records in a new private DNS namespace', async () => {
      const result = await dryRun(h.server, 'ecs-service-discovery', {
        ...sd,
        name: 'search',
        networkMode: 'host',
        recordType: 'SRV',
        createNamespace: true,
        newNamespace: 'search.internal',
      });
      const tf = await terraform(result);
      expect(
        tf.json.resource.aws_service_discovery_private_dns_namespace
          .service_discovery[0],
      ).toMatchObject({
        name: 'search.internal',
        vpc: '${var.vpc_id}',
      });
      expect(tf.cloudMap.dns_config[0].namespace_id).toBe(
        '${aws_service_discovery_private_dns_namespace.service_discovery.id}',
      );
      expect(tf.containers[0].portMappings[0]).toMatchObject({
        containerPort: 8080,
        hostPort: 8080,
      });
      expect(tf.service.service_registries[0]).toMatchObject({
        container_name: 'search',
        container_port: 8080,
      });
      expect(result.files['terraform/variables.tf']).toContain(
        'variable "vpc_id"',
      );
    });

    it('refuses A records in bridge mode before anything runs', async () => {
      const result = await dryRun(h.server, 'ecs-service-discovery', {
        ...sd,
        name: 'search',
        networkMode: 'bridge',
        recordType: 'A',
        createNamespace: false,
        namespace: 'app',
      });
      expect(result.status).toBe(400);
      expect(JSON.stringify(result.parameterErrors)).toContain('recordType');
    });

    it('fails on a taken Service Discovery name, naming the service and owner', async () => {
      const result = await dryRun(h.server, 'ecs-service-discovery', {
        ...sd,
        name: 'search',
        sdName: 'mysql',
        networkMode: 'awsvpc',
        recordType: 'A',
        createNamespace: false,
        namespace: 'app',
      });
      expect(result.status).toBe(400);
      expect(result.error).toContain(
        'Service Discovery name mysql.app is already taken',
      );
      expect(result.error).toContain('web/mysql (owner team-web)');
    });

    it('fails when a Service Discovery-only service depends on a Service Connect name', async () => {
      const result = await dryRun(h.server, 'ecs-service-discovery', {
        ...sd,
        name: 'search',
        networkMode: 'awsvpc',
        recordType: 'A',
        createNamespace: false,
        namespace: 'app',
        dependencies: ['order-service:8080'],
      });
      expect(result.status).toBe(400);
      expect(result.error).toContain('[service-connect-unreachable-caller]');
      expect(result.error).toContain(
        'Calls order-service:8080 (order-service), a Service Connect name of namespace sc.local, but it does not run Service Connect',
      );
      expect(result.error).toContain('owned by team-orders');
    });

    it('warns about a long TTL but still generates', async () => {
      const result = await dryRun(h.server, 'ecs-service-discovery', {
        ...sd,
        name: 'search',
        networkMode: 'awsvpc',
        recordType: 'A',
        ttl: 300,
        createNamespace: false,
        namespace: 'app',
      });
      const tf = await terraform(result);
      expect(tf.cloudMap.dns_config[0].dns_records).toEqual([
        { ttl: 300, type: 'A' },
      ]);
      expect(result.log.join('\n')).toContain('[dns-ttl-too-high]');
    });
  });

  describe('ecs-service-connect-and-discovery', () => {
    const both = {
      ...service,
      owner: 'group:default/team-catalog',
      cluster: 'shop',
      networkMode: 'awsvpc',
      aliasPort: 8080,
      ttl: 10,
      routingPolicy: 'MULTIVALUE',
    };

    it('wires a Service Connect alias and a distinct DNS name', async () => {
      const result = await dryRun(
        h.server,
        'ecs-service-connect-and-discovery',
        {
          ...both,
          name: 'pricing-service',
          useClusterDefaultNamespace: true,
          sdName: 'pricing',
          recordType: 'A',
          createNamespace: false,
          sdNamespace: 'app',
          dependencies: ['inventory:8080'],
          appProtocol: 'http2',
          perRequestTimeoutSeconds: 20,
          tlsCertificateAuthorityArn: TLS.tlsCertificateAuthorityArn,
        },
      );
      const tf = await terraform(result);
      const sc = tf.service.service_connect_configuration[0];
      expect(sc.service[0].port_name).toBe(
        tf.containers[0].portMappings[0].name,
      );
      expect(tf.containers[0].portMappings[0].appProtocol).toBe('http2');
      expect(sc.service[0].timeout).toEqual([
        { per_request_timeout_seconds: 20 },
      ]);
      expect(sc.service[0].tls).toEqual([
        {
          issuer_cert_authority: [
            { aws_pca_authority_arn: TLS.tlsCertificateAuthorityArn },
          ],
        },
      ]);
      expect(sc.service[0].client_alias).toEqual([
        { dns_name: 'pricing-service', port: 8080 },
      ]);
      expect(tf.cloudMap.name).toBe('pricing');
      expect(tf.cloudMap.dns_config[0].namespace_id).toBe(
        '${data.aws_service_discovery_dns_namespace.service_discovery.id}',
      );
      expect(tf.service.service_registries).toEqual([
        { registry_arn: '${aws_service_discovery_service.this.arn}' },
      ]);
      expect(tf.containers[0].environment).toEqual([
        { name: 'INVENTORY_URL', value: 'http://inventory:8080' },
      ]);
      expect(JSON.stringify(result.output)).toContain('pricing.app');
    });

    it('bridge mode: SRV for the DNS name, dynamic host port for both', async () => {
      const result = await dryRun(
        h.server,
        'ecs-service-connect-and-discovery',
        {
          ...both,
          name: 'pricing-service',
          networkMode: 'bridge',
          cluster: 'web',
          useClusterDefaultNamespace: false,
          namespace: 'sc.local',
          recordType: 'SRV',
          createNamespace: false,
          sdNamespace: 'app',
        },
      );
      const tf = await terraform(result);
      expect(tf.service.service_connect_configuration[0].namespace).toBe(
        '${data.aws_service_discovery_http_namespace.service_connect.arn}',
      );
      expect(tf.service.service_registries[0]).toMatchObject({
        container_name: 'pricing-service',
        container_port: 8080,
      });
      expect(tf.containers[0].portMappings[0].hostPort).toBe(0);
    });

    it('fails when both names collide in one namespace', async () => {
      const result = await dryRun(
        h.server,
        'ecs-service-connect-and-discovery',
        {
          ...both,
          name: 'pricing-service',
          useClusterDefaultNamespace: false,
          namespace: 'app',
          recordType: 'A',
          createNamespace: false,
          sdNamespace: 'app',
        },
      );
      expect(result.status).toBe(400);
      expect(result.error).toContain('[discovery-name-conflict]');
      expect(result.error).toContain(
        'Service Connect discovery name "pricing-service" equals Service Discovery service pricing-service.app',
      );
    });
  });

  describe('ecs-migrate-app-mesh', () => {
    it('reads the live service and drops App Mesh for Service Connect', async () => {
      const result = await dryRun(h.server, 'ecs-migrate-app-mesh', {
        service: { serviceArn: LEGACY_GATEWAY_ARN },
      });
      const tf = await terraform(result);
      expect(tf.taskDefinition.proxy_configuration).toBeUndefined();
      // The live task size and secret references, not form defaults; the
      // canary in its environment stays out.
      expect(tf.taskDefinition).toMatchObject({
        requires_compatibilities: ['FARGATE'],
        cpu: '1024',
        memory: '3072',
      });
      expect(tf.containers[0].secrets).toEqual([
        {
          name: 'PARTNER_API_KEY',
          valueFrom:
            'arn:aws:secretsmanager:eu-west-1:111111111111:secret:legacy-gateway/partner-api-key-Xy7Q2p',
        },
        {
          name: 'SIGNING_KEY',
          valueFrom:
            'arn:aws:ssm:eu-west-1:111111111111:parameter/shop/legacy-gateway/signing-key',
        },
      ]);
      for (const file of Object.values(result.files)) {
        expect(file).not.toContain('ecsnet-canary-7f3a9b');
        expect(file).not.toContain('SESSION_SECRET');
      }
      expect(result.files['MIGRATION.md']).toContain(
        'Task size: 1024 CPU units, 3072 MiB.',
      );
      expect(result.files['MIGRATION.md']).toContain(
        '`SIGNING_KEY` from `arn:aws:ssm:eu-west-1:111111111111:parameter/shop/legacy-gateway/signing-key`',
      );
      expect(tf.containers.map(c => c.name)).toEqual(['legacy-gateway']);
      expect(JSON.stringify(tf.containers)).not.toContain('aws-appmesh-envoy');
      expect(tf.containers[0].image).toBe(
        'public.ecr.aws/ecs-net-demo/legacy-gateway:0.9.3',
      );
      const sc = tf.service.service_connect_configuration[0];
      expect(sc.service[0].port_name).toBe(
        tf.containers[0].portMappings[0].name,
      );
      expect(sc.service[0]).toMatchObject({
        port_name: 'http',
        discovery_name: 'legacy-gateway',
        client_alias: [{ dns_name: 'legacy-gateway', port: 8080 }],
      });
      expect(
        tf.data.aws_service_discovery_http_namespace.service_connect[0].name,
      ).toBe('sc.local');
      // Its call to order-service survives, through the address-valued variable.
      expect(tf.containers[0].environment).toEqual([
        { name: 'ORDER_API', value: 'http://order-service:8080' },
      ]);
      // Every tag of the service, as it has them, not only those the
      // catalog reads.
      expect(tf.service.tags).toEqual({
        owner: 'team-platform',
        system: 'shop',
        lifecycle: 'production',
        component: 'legacy-gateway',
        'cost-center': 'cc-4711',
      });
      expect(result.files['MIGRATION.md']).toContain(
        'Tags, as the service has them: `component`, `cost-center`, `lifecycle`, `owner`, `system`.',
      );
      expect(result.files['MIGRATION.md']).toContain(
        '`proxy_configuration` type APPMESH, Envoy container(s) `envoy`',
      );
      expect(result.files['MIGRATION.md']).toContain(
        'terraform import aws_ecs_service.this shop/legacy-gateway',
      );
      // The call is listed under the variable main.tf keeps, not the name a
      // new service would be given (ORDER_SERVICE_URL).
      expect(result.files['MIGRATION.md']).toMatch(
        /\| `order-service:8080` \| `ORDER_API` \| shop\/order-service \|/,
      );
      expect(result.files['MIGRATION.md']).not.toContain('ORDER_SERVICE_URL');
      // No repository holds its Component here: no pull request, and the
      // output says why; the files stay whole for download.
      expect(result.log.join('\n')).toContain(
        'No repository to open a pull request on: component:default/legacy-gateway is not in the catalog.',
      );
      expect((result.output as any).text[0].content).toContain(
        'No pull request: component:default/legacy-gateway is not in the catalog. Apply the files below',
      );
      expect(result.files['README.md']).toBeDefined();
    });

    it('uses the names the form shows, and refuses a service without App Mesh', async () => {
      const named = await dryRun(h.server, 'ecs-migrate-app-mesh', {
        service: {
          serviceArn: LEGACY_GATEWAY_ARN,
          namespace: 'sc.local',
          discoveryName: 'gateway',
          aliasDnsName: 'gateway',
          aliasPort: 80,
          portName: 'web',
        },
      });
      const tf = await terraform(named);
      expect(
        tf.service.service_connect_configuration[0].service[0],
      ).toMatchObject({
        port_name: 'web',
        discovery_name: 'gateway',
        client_alias: [{ dns_name: 'gateway', port: 80 }],
      });
      expect(tf.containers[0].portMappings[0].name).toBe('web');

      const refused = await dryRun(h.server, 'ecs-migrate-app-mesh', {
        service: {
          serviceArn:
            'arn:aws:ecs:eu-west-1:111111111111:service/shop/user-service',
        },
      });
      expect(refused.status).toBe(400);
      expect(refused.error).toContain(
        'ECS service shop/user-service (111111111111 / eu-west-1) does not use App Mesh',
      );
      expect(refused.files['terraform/main.tf']).toBeUndefined();
    });

    it('fails when the new alias collides with a live one', async () => {
      const result = await dryRun(h.server, 'ecs-migrate-app-mesh', {
        service: {
          serviceArn: LEGACY_GATEWAY_ARN,
          aliasDnsName: 'order-service',
        },
      });
      expect(result.status).toBe(400);
      expect(result.error).toContain(
        'Client alias order-service:8080 in namespace sc.local is also claimed by shop/order-service',
      );
      expect(result.error).toContain('owned by team-orders');
    });
  });
});
