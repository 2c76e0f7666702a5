import { appMeshUseOf } from '../appMesh';
import type { Finding } from '../model';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const appMeshInUse: LintRule = {
  id: 'app-mesh-in-use',
  severity: 'warning',
  title: 'App Mesh still in use',
  description:
    'AWS App Mesh reaches end of support on 2026-09-30; services meshed with it should move to Service Connect.',
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      const td = scopes.taskDefinitionOf(service.item);
      if (!td) continue;
      const use = appMeshUseOf(td);
      if (!use) continue;
      const how = use.proxy
        ? 'an APPMESH proxy configuration'
        : `the App Mesh Envoy image in container ${use.envoyContainers[0].name}`;
      findings.push(
        finding(
          appMeshInUse,
          serviceSubject(service),
          `${td.family}:${td.revision} uses ${how}, and App Mesh reaches end of support on 2026-09-30.`,
          `Migrate to Service Connect: drop the App Mesh proxy and Envoy container, enable Service Connect on the service.`,
        ),
      );
    }
    return findings;
  },
};
