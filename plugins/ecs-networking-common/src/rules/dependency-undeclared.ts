import { NETWORK_EVIDENCE } from '../drift';
import type { Evidence, Finding } from '../model';
import { componentDrifts } from './drift';
import { finding, LintRule, serviceSubject } from './types';

function where(evidence: Evidence | undefined): string {
  if (!evidence) return '';
  if (evidence.kind === 'metrics') return ' (seen in its Service Connect traffic metrics)';
  const part = evidence.kind === 'environment' ? `variable ${evidence.variable}` : evidence.kind;
  return ` (container ${evidence.container} ${part})`;
}

/** @public */
export const dependencyUndeclared: LintRule = {
  id: 'dependency-undeclared',
  severity: 'warning',
  title: 'Call the catalog Component does not declare',
  description:
    "A service linked to a catalog Component calls another service (a container reference or observed traffic), and the Component's spec.dependsOn and spec.consumesApis name neither that service's entity nor one of its endpoints' APIs: the catalog graph, blast radius by catalog relations and architecture reviews miss the call. Only reported where the catalog was read (the backend plugin), for hand-written Components.",
  check(context) {
    const findings: Finding[] = [];
    for (const drift of componentDrifts(context)) {
      for (const call of drift.undeclared) {
        const edge = call.edges[0];
        const caller = context.scopes.serviceByArn.get(edge.from)!;
        const target = context.scopes.serviceByArn.get(edge.to)?.item.name ?? edge.to;
        const endpoint = context.endpoints.byId.get(edge.endpointId)?.name ?? edge.endpointId;
        const evidence = edge.evidence.find(e => NETWORK_EVIDENCE.has(e.kind));
        findings.push(
          finding(
            dependencyUndeclared,
            serviceSubject(caller),
            `${caller.item.name} calls ${target} through ${endpoint}${where(evidence)}, but ${drift.component} declares no dependency on ${call.targetRef ?? target}.`,
            call.targetRef
              ? `Add this line under spec.dependsOn of ${drift.component}: - ${call.targetRef}`
              : `The catalog holds no entity for ${target} yet (the catalog module publishes one at its next refresh): then add it under spec.dependsOn of ${drift.component}.`,
          ),
        );
      }
    }
    return findings;
  },
};
