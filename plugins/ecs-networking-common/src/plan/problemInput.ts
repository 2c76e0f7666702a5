import type { Problem } from './types';

/**
 * The input (a path in `PlanInput`) each rule's problems are about, so a
 * form can show a problem at the field a person changes to fix it. Rules
 * about live state the plan does not change (App Mesh on a live service, a
 * stale read) name no input.
 */
const RULE_INPUTS: Record<string, string> = {
  'scope-not-read': 'accountId',
  'cluster-not-found': 'cluster',
  'service-name-taken': 'serviceName',
  'service-not-found': 'serviceName',
  'component-tag-missing': 'tags.component',
  'owner-tag-missing': 'tags.owner',
  'tag-not-entity-ref': 'tags.owner',
  'dependency-unknown': 'dependencies',
  'dependency-has-errors': 'dependencies',
  'service-connect-unreachable-caller': 'dependencies',
  'service-connect-port-name': 'container.portName',
  'service-connect-namespace-missing': 'serviceConnect.namespace',
  'service-connect-shared-namespace-reference': 'serviceConnect.namespace',
  'service-connect-namespace-region': 'serviceConnect.namespace',
  'service-connect-timeout-protocol':
    'serviceConnect.timeout.perRequestTimeoutSeconds',
  'service-connect-idle-timeout-short':
    'serviceConnect.timeout.idleTimeoutSeconds',
  'discovery-name-syntax': 'serviceConnect.discoveryName',
  'duplicate-discovery-name': 'serviceConnect.discoveryName',
  'duplicate-client-alias': 'serviceConnect.clientAlias.dnsName',
  'namespace-exists': 'serviceDiscovery.namespace',
  'namespace-type': 'serviceDiscovery.namespace',
  'service-discovery-name-taken': 'serviceDiscovery.name',
  'discovery-name-conflict': 'serviceDiscovery.name',
  'dns-ttl-too-high': 'serviceDiscovery.ttl',
  'dns-a-record-network-mode': 'serviceDiscovery.recordType',
  'dns-srv-missing-port': 'serviceDiscovery.recordType',
  'cloud-map-health-check-missing': 'serviceDiscovery.customHealthCheck',
};

/**
 * The input a problem is about, as a path in `PlanInput`; undefined when it
 * is about the plan as a whole.
 *
 * @public
 */
export function problemInput(problem: Problem): string | undefined {
  return problem.field ?? RULE_INPUTS[problem.ruleId];
}
