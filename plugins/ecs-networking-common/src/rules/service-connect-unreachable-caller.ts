import type { Finding } from '../model';
import { finding, LintRule, ownerName, serviceSubject } from './types';

/** @public */
export const serviceConnectUnreachableCaller: LintRule = {
  id: 'service-connect-unreachable-caller',
  severity: 'error',
  title: 'Caller outside Service Connect uses a Service Connect name',
  description:
    'A Service Connect name resolves only inside tasks that run Service Connect in the same namespace; any other caller (no Service Connect, another namespace, Lambda, EC2) gets a name that does not resolve.',
  check(context) {
    const { scopes, edges, endpoints } = context;
    const findings: Finding[] = [];
    for (const edge of edges) {
      if (edge.mechanism !== 'connect') continue;
      const endpoint = endpoints.byId.get(edge.endpointId);
      const caller = scopes.serviceByArn.get(edge.from);
      if (!endpoint?.namespace || !caller) continue;
      const sc = caller.item.serviceConnect;
      const callerNamespace = sc?.enabled ? sc.namespace : undefined;
      if (callerNamespace === endpoint.namespace.arn) continue;
      const where = callerNamespace
        ? `its Service Connect namespace is ${
            scopes.namespaceByArn.get(callerNamespace)?.item.name ??
            callerNamespace
          }`
        : 'it does not run Service Connect';
      findings.push(
        finding(
          serviceConnectUnreachableCaller,
          serviceSubject(caller),
          `Calls ${endpoint.name} (${ownerName(
            context,
            endpoint,
          )}), a Service Connect name of namespace ${
            endpoint.namespace.name
          }, but ${where}, so the name does not resolve.`,
          `Enable Service Connect on ${caller.item.name} in namespace ${
            endpoint.namespace.name
          }, or register ${ownerName(
            context,
            endpoint,
          )} in Service Discovery and call its DNS name.`,
        ),
      );
    }
    return findings;
  },
};
