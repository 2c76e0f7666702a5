import type { Finding } from '../model';
import { compareStrings } from '../names';
import { compareSeverities } from '../severity';
import { appMeshInUse } from './app-mesh-in-use';
import { cloudMapHealthCheckMissing } from './cloud-map-health-check-missing';
import { componentTagNotInCatalog } from './component-tag-not-in-catalog';
import { dependencyNotObserved } from './dependency-not-observed';
import { dependencyUndeclared } from './dependency-undeclared';
import { discoveryNameConflict } from './discovery-name-conflict';
import { dnsARecordNetworkMode } from './dns-a-record-network-mode';
import { dnsSrvMissingPort } from './dns-srv-missing-port';
import { dnsTtlTooHigh } from './dns-ttl-too-high';
import { duplicateClientAlias } from './duplicate-client-alias';
import { duplicateDiscoveryName } from './duplicate-discovery-name';
import { namespaceUnused } from './namespace-unused';
import { ownerTagMissing } from './owner-tag-missing';
import { referenceUnresolved } from './reference-unresolved';
import { serviceConnectAccessLogDestination } from './service-connect-access-log-destination';
import { serviceConnectClientRedeploy } from './service-connect-client-redeploy';
import { serviceConnectIdleTimeoutShort } from './service-connect-idle-timeout-short';
import { serviceConnectNamespaceMissing } from './service-connect-namespace-missing';
import { serviceConnectNamespaceRegion } from './service-connect-namespace-region';
import { serviceConnectPortName } from './service-connect-port-name';
import { serviceConnectSharedNamespaceReference } from './service-connect-shared-namespace-reference';
import { serviceConnectTimeoutProtocol } from './service-connect-timeout-protocol';
import { serviceConnectTlsBypassed } from './service-connect-tls-bypassed';
import { serviceConnectUnreachableCaller } from './service-connect-unreachable-caller';
import { sharedNamespaceEcsPermission } from './shared-namespace-ecs-permission';
import { tagNotEntityRef } from './tag-not-entity-ref';
import { vpcLatticePortName } from './vpc-lattice-port-name';
import type { LintRule, RuleContext } from './types';

export type { LintRule, RuleContext } from './types';
export {
  appMeshInUse,
  cloudMapHealthCheckMissing,
  componentTagNotInCatalog,
  dependencyNotObserved,
  dependencyUndeclared,
  discoveryNameConflict,
  dnsARecordNetworkMode,
  dnsSrvMissingPort,
  dnsTtlTooHigh,
  duplicateClientAlias,
  duplicateDiscoveryName,
  namespaceUnused,
  ownerTagMissing,
  referenceUnresolved,
  serviceConnectAccessLogDestination,
  serviceConnectClientRedeploy,
  serviceConnectIdleTimeoutShort,
  serviceConnectNamespaceMissing,
  serviceConnectNamespaceRegion,
  serviceConnectPortName,
  serviceConnectSharedNamespaceReference,
  serviceConnectTimeoutProtocol,
  serviceConnectTlsBypassed,
  serviceConnectUnreachableCaller,
  sharedNamespaceEcsPermission,
  tagNotEntityRef,
  vpcLatticePortName,
};

/**
 * Every wiring rule, in the order they are documented.
 *
 * @public
 */
export const lintRules: readonly LintRule[] = Object.freeze([
  serviceConnectPortName,
  serviceConnectNamespaceMissing,
  serviceConnectSharedNamespaceReference,
  serviceConnectNamespaceRegion,
  sharedNamespaceEcsPermission,
  serviceConnectUnreachableCaller,
  serviceConnectClientRedeploy,
  serviceConnectTimeoutProtocol,
  serviceConnectIdleTimeoutShort,
  serviceConnectTlsBypassed,
  serviceConnectAccessLogDestination,
  vpcLatticePortName,
  dnsTtlTooHigh,
  dnsARecordNetworkMode,
  dnsSrvMissingPort,
  duplicateClientAlias,
  duplicateDiscoveryName,
  discoveryNameConflict,
  cloudMapHealthCheckMissing,
  appMeshInUse,
  ownerTagMissing,
  tagNotEntityRef,
  componentTagNotInCatalog,
  dependencyUndeclared,
  dependencyNotObserved,
  namespaceUnused,
  referenceUnresolved,
]);

/**
 * Findings sorted worst first, then by rule, scope, subject and message.
 *
 * @public
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareSeverities(a.severity, b.severity) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.subject.accountId, b.subject.accountId) ||
    compareStrings(a.subject.region, b.subject.region) ||
    compareStrings(a.subject.name, b.subject.name) ||
    compareStrings(a.subject.arn, b.subject.arn) ||
    compareStrings(a.message, b.message)
  );
}

/**
 * Runs the rules (all by default) and returns their findings in a
 * deterministic order.
 *
 * @public
 */
export function runRules(
  context: RuleContext,
  rules: readonly LintRule[] = lintRules,
): Finding[] {
  return rules.flatMap(rule => rule.check(context)).sort(compareFindings);
}
