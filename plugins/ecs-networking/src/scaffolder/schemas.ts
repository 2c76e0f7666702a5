import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

type Zod = Parameters<Parameters<typeof makeFieldSchema>[0]['output']>[0];

/** The ui:options every picker takes to narrow it to an account and region. */
function scopeOptions(z: Zod) {
  return {
    accountId: z
      .string()
      .optional()
      .describe(
        'Show only this account (else the form field named by accountIdField)',
      ),
    region: z
      .string()
      .optional()
      .describe(
        'Show only this region (else the form field named by regionField)',
      ),
    accountIdField: z
      .string()
      .optional()
      .describe('Form field holding the account id (default accountId)'),
    regionField: z
      .string()
      .optional()
      .describe('Form field holding the region (default region)'),
  };
}

/** Schema of EcsNamespacePicker, shown in the template editor's field explorer. */
export const EcsNamespacePickerFieldSchema = makeFieldSchema({
  output: z => z.string().describe('The Cloud Map namespace name'),
  uiOptions: z =>
    z.object({
      types: z
        .array(z.enum(['HTTP', 'DNS_PRIVATE', 'DNS_PUBLIC']))
        .optional()
        .describe('Namespace types to offer; default all'),
      ...scopeOptions(z),
    }),
});

/** Schema of EcsServicePicker, shown in the template editor's field explorer. */
export const EcsServicePickerFieldSchema = makeFieldSchema({
  output: z =>
    z
      .object({
        serviceArn: z.string().optional(),
        namespace: z.string().optional(),
        discoveryName: z.string().optional(),
        aliasDnsName: z.string().optional(),
        aliasPort: z.number().optional(),
        portName: z.string().optional(),
      })
      .describe(
        'The ECS service ARN and the Service Connect names its migration will use',
      ),
  uiOptions: z =>
    z.object({
      appMeshOnly: z
        .boolean()
        .optional()
        .describe('Offer only services that still use App Mesh'),
      ...scopeOptions(z),
    }),
});

/** Schema of EcsEndpointPicker, shown in the template editor's field explorer. */
export const EcsEndpointPickerFieldSchema = makeFieldSchema({
  output: z =>
    z.array(z.string()).describe('Endpoint names such as order-service:8080'),
  uiOptions: z =>
    z.object({
      mechanisms: z
        .array(z.enum(['connect', 'dns', 'http-api', 'load-balancer', 'lattice']))
        .optional()
        .describe('Mechanisms to offer; default all'),
      ...scopeOptions(z),
    }),
});

/** Schema of EcsPlanCheck, shown in the template editor's field explorer. */
export const EcsPlanCheckFieldSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'A constant (give the property enum [checked] and that default): the field shows problems and blocks the step, it stores nothing',
      ),
  uiOptions: z =>
    z.object({
      mode: z
        .enum(['service-connect', 'service-discovery', 'both'])
        .optional()
        .describe(
          'What the template creates, as ecs-networking:validate takes it; default service-connect',
        ),
      show: z
        .array(z.string())
        .optional()
        .describe(
          "Template fields whose problems to show (the step's); default all",
        ),
      fields: z
        .record(z.string())
        .optional()
        .describe(
          'Template field names by plan input path, where the template departs from the convention',
        ),
    }),
});

/**
 * Schema of EcsAccountPicker, EcsRegionPicker and EcsClusterPicker, shown in
 * the template editor's field explorer.
 */
export const EcsLiveChoicePickerFieldSchema = makeFieldSchema({
  output: z => z.string().describe('The account id, region or cluster name'),
  uiOptions: z => z.object(scopeOptions(z)),
});
