import type { Finding, Mechanism } from '../model';
import { finding, LintRule, ownerName, serviceSubject } from './types';

/**
 * Mechanisms whose traffic reaches the task without passing its Service
 * Connect proxy: a Service Discovery DNS name or the Cloud Map API gives the
 * task's own IP and port, a load balancer targets the task directly. (VPC
 * Lattice encrypts on its own listeners, so it is not counted here.)
 */
const AROUND_THE_PROXY: Partial<Record<Mechanism, string>> = {
  dns: 'its Service Discovery DNS name',
  'http-api': 'the Cloud Map API',
  'load-balancer': 'its load balancer',
};

/** @public */
export const serviceConnectTlsBypassed: LintRule = {
  id: 'service-connect-tls-bypassed',
  severity: 'warning',
  title: 'Call around a Service Connect TLS service',
  description:
    'Service Connect TLS encrypts only the traffic that passes the Service Connect proxies. A caller that reaches a TLS-enabled service by its Service Discovery DNS name, the Cloud Map API or a load balancer talks to the task directly, unencrypted, while the service looks encrypted.',
  check(context) {
    const { scopes, edges, endpoints } = context;
    const findings: Finding[] = [];
    for (const edge of edges) {
      const how = AROUND_THE_PROXY[edge.mechanism];
      if (!how) continue;
      const tlsEndpoint = (endpoints.byService.get(edge.to) ?? []).find(
        e => e.mechanism === 'connect' && e.tls,
      );
      const caller = scopes.serviceByArn.get(edge.from);
      const called = endpoints.byId.get(edge.endpointId);
      if (!tlsEndpoint || !caller || !called) continue;
      findings.push(
        finding(
          serviceConnectTlsBypassed,
          serviceSubject(caller),
          `Calls ${called.name} (${ownerName(
            context,
            called,
          )}) by ${how}, around the Service Connect proxy, so this traffic is not encrypted by the TLS that ${
            tlsEndpoint.name
          } has on.`,
          `Call ${
            tlsEndpoint.name
          } through Service Connect instead (turn Service Connect on for ${
            caller.item.name
          } in namespace ${
            tlsEndpoint.namespace?.name ?? 'of that service'
          }), or encrypt this path in the application.`,
        ),
      );
    }
    return findings;
  },
};
