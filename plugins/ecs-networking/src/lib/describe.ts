import type {
  Endpoint,
  Evidence,
  Mechanism,
} from '@ecs-net/plugin-ecs-networking-common';

export const MECHANISM_LABELS: Record<Mechanism, string> = {
  connect: 'Service Connect',
  dns: 'Service Discovery',
  'http-api': 'Cloud Map API',
  'load-balancer': 'Load balancer',
  lattice: 'VPC Lattice',
};

/** Order in which mechanisms are listed, the most common first. */
export const MECHANISMS: Mechanism[] = [
  'connect',
  'dns',
  'http-api',
  'load-balancer',
  'lattice',
];

/** `1 service`, `2 services`. */
export function counted(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

/** Who can resolve and reach an endpoint, in words a developer can act on. */
export function reachabilityText(endpoint: Endpoint): string {
  const namespace = endpoint.namespace?.name;
  switch (endpoint.reachableFrom) {
    case 'service-connect-namespace':
      return namespace
        ? `ECS tasks with Service Connect in ${namespace}`
        : 'ECS tasks with Service Connect in the same namespace';
    case 'vpc':
      // A public DNS namespace resolves anywhere but hands out private task
      // addresses, so only the VPC can connect either way.
      return endpoint.namespace?.type === 'DNS_PUBLIC'
        ? 'anything in the VPC (the name resolves publicly, the addresses are private)'
        : 'anything in the VPC';
    case 'cloud-map-api':
      return 'clients that call the Cloud Map DiscoverInstances API (no DNS name)';
    case 'load-balancer':
      return "whatever the load balancer's listeners and security groups admit";
    case 'vpc-lattice':
      return 'clients of the VPC Lattice service network its target group is behind (across VPCs and accounts, as its auth policy admits)';
    default:
      // A newer backend may send kinds this build does not know yet.
      return endpoint.reachableFrom;
  }
}

/** One line per piece of evidence: `env USER_SERVICE_URL → http://user-service:8080`. */
export function evidenceText(evidence: Evidence): string {
  switch (evidence.kind) {
    case 'environment':
      return `env ${evidence.variable ?? '?'} → ${evidence.reference}`;
    case 'command':
      return `command → ${evidence.reference}`;
    case 'entryPoint':
      return `entry point → ${evidence.reference}`;
    case 'tag':
      return `tag ${evidence.variable ?? ''} → ${evidence.reference}`;
    case 'catalog':
      return `catalog dependsOn → ${evidence.reference}`;
    case 'metrics':
      return `observed traffic (${evidence.reference})`;
    default:
      // A newer backend may send kinds this build does not know yet.
      return evidence.reference;
  }
}
