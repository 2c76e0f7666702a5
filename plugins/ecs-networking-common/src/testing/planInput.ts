import type { PlanInput } from '../plan/planInput';

/**
 * checkout as the Service Connect template's form would fill it in for the
 * demo-like shop cluster, correct as it stands.
 *
 * @public
 */
export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    mode: 'service-connect',
    accountId: '111111111111',
    region: 'eu-west-1',
    cluster: 'shop',
    serviceName: 'checkout',
    networkMode: 'awsvpc',
    container: { name: 'checkout', port: 8080, portName: 'http' },
    serviceConnect: {
      discoveryName: 'checkout',
      clientAlias: { dnsName: 'checkout', port: 8080 },
    },
    dependencies: [],
    tags: { owner: 'team-orders', component: 'checkout' },
    ...overrides,
  };
}
