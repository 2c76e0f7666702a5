import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

const scopeOptions = {
  accountId:
    'Show only this account (else the form field named by accountIdField)',
  region: 'Show only this region (else the form field named by regionField)',
  accountIdField: 'Form field holding the account id (default accountId)',
  regionField: 'Form field holding the region (default region)',
};

/** Schema of EcsNamespacePicker, shown in the template editor's field explorer. */
export const EcsNamespacePickerFieldSchema = makeFieldSchema({
  output: z => z.string().describe('The Cloud Map namespace name'),
  uiOptions: z =>
    z.object({
      types: z
        .array(z.enum(['HTTP', 'DNS_PRIVATE', 'DNS_PUBLIC']))
        .optional()
        .describe('Namespace types to offer; default all'),
      accountId: z.string().optional().describe(scopeOptions.accountId),
      region: z.string().optional().describe(scopeOptions.region),
      accountIdField: z
        .string()
        .optional()
        .describe(scopeOptions.accountIdField),
      regionField: z.string().optional().describe(scopeOptions.regionField),
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
      accountId: z.string().optional().describe(scopeOptions.accountId),
      region: z.string().optional().describe(scopeOptions.region),
      accountIdField: z
        .string()
        .optional()
        .describe(scopeOptions.accountIdField),
      regionField: z.string().optional().describe(scopeOptions.regionField),
    }),
});
