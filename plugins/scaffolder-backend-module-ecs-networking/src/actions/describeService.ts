import { NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  analyzeNetwork,
  DEFAULT_TAG_KEYS,
  entityRefFromTag,
  notOnAppMeshMessage,
  SERVICE_ARN,
  serviceMigrationOf,
  type TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import type { LiveNetworkSource } from '../live/liveNetworkSource';
import { PlanRejectedError } from './planRejected';
import { keptServiceTags } from './serviceTags';
import { examples } from './describeService.examples';
import { ruleString } from '@ecs-net/plugin-ecs-networking-node';
import { CapturedSchema, plain, type Zod } from './zodSchema';

export const DESCRIBE_SERVICE_ACTION_ID = 'ecs-networking:describe-service';

export function describeServiceInputSchema(z: Zod) {
  return z.object({
    serviceArn: ruleString(
      z,
      SERVICE_ARN,
      'ECS service ARN, e.g. the ecs-networking.io/service-arn annotation of its catalog Resource',
    ),
    requireAppMesh: z
      .boolean({
        description:
          'Fail unless the service uses App Mesh (the migration template sets it)',
      })
      .default(false),
  });
}

type DescribeServiceInput = ReturnType<
  ReturnType<typeof describeServiceInputSchema>['parse']
>;

/**
 * `ecs-networking:describe-service`: what a live ECS service runs today, read
 * from the snapshots the ecs-networking plugin serves: its task definition's
 * size, containers, port mappings and secret references, App Mesh leftovers,
 * Service Connect state, tags (the ones the catalog reads, and all of them
 * for a change that keeps them), and the endpoints it calls. Templates that
 * change a service (the App Mesh migration) render from this.
 *
 * Container environments are never in a snapshot; only the addresses found
 * in them are, so only those come back as variables. Secrets come back as
 * ECS holds them: the name and the ARN it reads the value from.
 */
export function createDescribeServiceAction(options: {
  source: LiveNetworkSource;
  tagKeys?: TagKeys;
}) {
  const tagKeys = options.tagKeys ?? DEFAULT_TAG_KEYS;
  const schema = new CapturedSchema(describeServiceInputSchema);
  return createTemplateAction({
    id: DESCRIBE_SERVICE_ACTION_ID,
    description:
      "Reads a live ECS service's task definition (size, containers, port mappings, secret references, App Mesh proxy), Service Connect state, tags and outbound endpoints from the ecs-networking plugin.",
    examples,
    supportsDryRun: true,
    schema: {
      input: schema.factory,
      output: {
        accountId: z => z.string(),
        region: z => z.string(),
        cluster: z => z.string(),
        serviceName: z => z.string(),
        family: z => z.string(),
        networkMode: z => z.string(),
        launchType: z => z.string().optional(),
        cpu: z =>
          z
            .string({
              description:
                'Task-level CPU units as ECS returns them ("1024"); absent when the task definition sets none (EC2 tasks may size their containers instead)',
            })
            .optional(),
        memory: z =>
          z
            .string({
              description:
                'Task-level memory in MiB as ECS returns it ("3072"); absent when the task definition sets none',
            })
            .optional(),
        requiresCompatibilities: z =>
          z.array(z.string(), {
            description:
              'Launch types the task definition was registered for (FARGATE, EC2); empty when it names none',
          }),
        container: z =>
          z.object(
            {
              name: z.string(),
              image: z.string().optional(),
              port: z.number().optional(),
              portName: z.string().optional(),
              portNameWasSet: z.boolean(),
            },
            {
              description:
                'The container that serves traffic (first essential non-proxy container with a port); port and portName are absent when it has no port mapping',
            },
          ),
        containers: z =>
          z.array(
            z.object({
              name: z.string(),
              image: z.string().optional(),
              essential: z.boolean(),
              cpu: z.number().optional(),
              memory: z.number().optional(),
              memoryReservation: z.number().optional(),
              portMappings: z.array(z.record(z.any())),
              secrets: z.array(
                z.object({ name: z.string(), valueFrom: z.string() }),
                {
                  description:
                    'Variables ECS fills from Secrets Manager or SSM Parameter Store at task start: the name and the ARN it reads (never the value)',
                },
              ),
            }),
            {
              description:
                'Containers to keep (App Mesh Envoy left out), with their own sizes and secret references',
            },
          ),
        appMesh: z =>
          z.object({
            inUse: z.boolean(),
            proxyType: z.string().optional(),
            envoyContainers: z.array(z.string()),
          }),
        serviceConnect: z =>
          z.object({
            enabled: z.boolean(),
            namespaceArn: z.string().optional(),
            namespaceName: z.string().optional(),
            endpoints: z.array(z.string()),
          }),
        environment: z =>
          z.array(z.object({ name: z.string(), value: z.string() }), {
            description:
              'Address-valued environment variables (the only values a snapshot keeps)',
          }),
        dependencies: z =>
          z.array(z.string(), {
            description: 'Endpoints the service calls today',
          }),
        dependencyVariables: z =>
          z.record(z.string(), {
            description:
              'For each endpoint in dependencies, the environment variables that hold its address today (comma-separated); absent where the address is in a command or tag',
          }),
        tags: z =>
          z.object({
            owner: z.string().optional(),
            system: z.string().optional(),
            lifecycle: z.string().optional(),
            component: z.string().optional(),
          }),
        serviceTags: z =>
          z.array(z.object({ key: z.string(), value: z.string() }), {
            description:
              "The service's own AWS tags, every one a change to it must keep (aws: tags, which only AWS sets, left out)",
          }),
        skippedTagKeys: z =>
          z.array(z.string(), {
            description:
              'Keys of tags AWS would not accept again (aws: tags, characters outside the tag rule), which the change cannot write back',
          }),
        componentRef: z =>
          z
            .string({
              description:
                'The catalog Component the component tag links the service to, as an entity ref',
            })
            .optional(),
      },
    },
    async handler(ctx) {
      const output: typeof ctx.output = (name, value) =>
        ctx.output(name, plain(value));
      const { serviceArn, requireAppMesh } = schema.parse(
        ctx.input,
        DESCRIBE_SERVICE_ACTION_ID,
      ) as DescribeServiceInput;
      const live = await options.source.load();
      const service = live.snapshots
        .flatMap(s => s.services)
        .find(s => s.arn === serviceArn);
      if (!service) {
        throw new NotFoundError(
          `ECS service ${serviceArn} is not in the live state the ecs-networking plugin serves (not read yet, deleted, or in an account/region it does not read).`,
        );
      }
      const migration = serviceMigrationOf(live.snapshots, serviceArn);
      if (!migration) {
        throw new NotFoundError(
          `The task definition ${service.taskDefinitionArn} of ${service.name} is not in the live state the ecs-networking plugin serves.`,
        );
      }
      if (requireAppMesh && !migration.appMesh) {
        throw new PlanRejectedError(notOnAppMeshMessage(migration));
      }
      const {
        scope,
        taskDefinition: td,
        appMesh,
        containers: kept,
        container: main,
        mapping,
      } = migration;
      const envoy = appMesh?.envoyContainers ?? [];

      const model = analyzeNetwork(live.snapshots, { tagKeys });
      const modelService = model.services.find(s => s.arn === serviceArn);
      const calls = model.edges.filter(e => e.from === serviceArn);
      const endpointName = (id: string) =>
        model.endpoints.find(ep => ep.id === id)?.name;
      const dependencies = [
        ...new Set(
          calls
            .map(e => endpointName(e.endpointId))
            .filter((n): n is string => !!n),
        ),
      ].sort();
      // The migration keeps the service's own variable names (ORDER_API), not
      // the ones a new service would get (ORDER_SERVICE_URL): its notes must
      // name the variables the Terraform change keeps.
      const keptNames = new Set(kept.map(c => c.name));
      const dependencyVariables: Record<string, string> = {};
      for (const call of calls) {
        const name = endpointName(call.endpointId);
        const variables = call.evidence
          .filter(
            ev =>
              ev.kind === 'environment' &&
              ev.variable &&
              (!ev.container || keptNames.has(ev.container)),
          )
          .map(ev => ev.variable!);
        if (!name || variables.length === 0) continue;
        dependencyVariables[name] = [
          ...new Set([
            ...(dependencyVariables[name]?.split(', ') ?? []),
            ...variables,
          ]),
        ]
          .sort()
          .join(', ');
      }
      const environment = new Map<string, string>();
      for (const container of kept) {
        for (const reference of container.references) {
          if (
            reference.source.kind === 'environment' &&
            !environment.has(reference.source.variable)
          ) {
            environment.set(reference.source.variable, reference.text);
          }
        }
      }
      const sc = service.serviceConnect;
      const scNamespace = sc?.namespace
        ? scope.namespaces.find(ns => ns.arn === sc.namespace)
        : undefined;

      output('accountId', scope.accountId);
      output('region', scope.region);
      output('cluster', service.clusterName);
      output('serviceName', service.name);
      output('family', td.family);
      output('networkMode', td.networkMode);
      if (service.launchType) output('launchType', service.launchType);
      if (td.cpu) output('cpu', td.cpu);
      if (td.memory) output('memory', td.memory);
      output('requiresCompatibilities', td.requiresCompatibilities ?? []);
      output('container', {
        name: main?.name ?? service.name,
        image: main?.image,
        port: mapping?.containerPort,
        // An unnamed mapping needs a name for Service Connect; `http` is
        // the one proposed (portNameWasSet says it is not the service's).
        portName: mapping ? mapping.name || 'http' : undefined,
        portNameWasSet: !!mapping?.name,
      });
      output(
        'containers',
        kept.map(c => ({
          name: c.name,
          image: c.image,
          essential: c.essential ?? true,
          cpu: c.cpu,
          memory: c.memory,
          memoryReservation: c.memoryReservation,
          portMappings: c.portMappings.map(m => ({ ...m })),
          secrets: (c.secrets ?? []).map(({ name, valueFrom }) => ({
            name,
            valueFrom,
          })),
        })),
      );
      output('appMesh', {
        inUse: !!appMesh,
        proxyType: appMesh?.proxy ? td.proxyConfiguration?.type : undefined,
        envoyContainers: envoy.map(c => c.name),
      });
      output('serviceConnect', {
        enabled: !!sc?.enabled,
        namespaceArn: sc?.enabled ? sc.namespace : undefined,
        namespaceName: sc?.enabled ? scNamespace?.name : undefined,
        endpoints: model.endpoints
          .filter(e => e.serviceArn === serviceArn && e.mechanism === 'connect')
          .map(e => e.name),
      });
      output(
        'environment',
        [...environment].map(([name, value]) => ({ name, value })),
      );
      output('dependencies', dependencies);
      output('dependencyVariables', dependencyVariables);
      output('tags', {
        owner: modelService?.owner,
        system: modelService?.system,
        lifecycle: modelService?.lifecycle,
        component: modelService?.component,
      });
      const serviceTags = keptServiceTags(service.tags);
      output('serviceTags', serviceTags.kept);
      output('skippedTagKeys', serviceTags.skipped);
      if (serviceTags.skipped.length > 0) {
        ctx.logger.warn(
          `Tags of ${
            service.name
          } that AWS would not accept again, left out of the change: ${serviceTags.skipped.join(
            ', ',
          )}`,
        );
      }
      const componentRef = entityRefFromTag(
        modelService?.component,
        'component',
      );
      if (componentRef) output('componentRef', componentRef);
      ctx.logger.info(
        `${service.clusterName}/${service.name} runs ${td.family}:${
          td.revision
        } (${td.networkMode}) with containers ${td.containers
          .map(c => c.name)
          .join(', ')}${appMesh ? '; App Mesh is in use' : ''}.`,
      );
    },
  });
}
