import type { Finding } from '../model';
import { finding, LintRule, ownerName, serviceSubject } from './types';

/** @public */
export const serviceConnectClientRedeploy: LintRule = {
  id: 'service-connect-client-redeploy',
  severity: 'info',
  title: 'Client needs a redeploy to see a newer Service Connect endpoint',
  description:
    'A Service Connect proxy learns the endpoints of its namespace when its deployment starts; an endpoint created afterwards stays unknown to the client until the client is redeployed.',
  check(context) {
    const { scopes, edges, endpoints } = context;
    const findings: Finding[] = [];
    for (const edge of edges) {
      if (edge.mechanism !== 'connect') continue;
      const caller = scopes.serviceByArn.get(edge.from);
      const clientSc = caller?.item.serviceConnect;
      const serverSc = scopes.serviceByArn.get(edge.to)?.item.serviceConnect;
      const endpoint = endpoints.byId.get(edge.endpointId);
      if (!caller || !clientSc?.since || !serverSc?.since || !endpoint)
        continue;
      // A caller in another namespace is unreachable, not stale: another rule.
      if (!clientSc.enabled || clientSc.namespace !== serverSc.namespace)
        continue;
      if (!(Date.parse(serverSc.since) > Date.parse(clientSc.since))) continue;
      findings.push(
        finding(
          serviceConnectClientRedeploy,
          serviceSubject(caller),
          `Calls ${endpoint.name} (${ownerName(context, endpoint)}), deployed ${
            serverSc.since
          }, after this client's Service Connect deployment of ${
            clientSc.since
          }, so its proxy may not know the endpoint yet.`,
          `Force a new deployment of ${caller.item.name} so its Service Connect proxy picks up ${endpoint.name}.`,
        ),
      );
    }
    return findings;
  },
};
