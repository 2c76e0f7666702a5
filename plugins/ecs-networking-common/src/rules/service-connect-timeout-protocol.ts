import type { Finding } from '../model';
import {
  finding,
  LintRule,
  portMappingNamed,
  serviceConnectEntries,
  serviceSubject,
} from './types';

/** @public */
export const serviceConnectTimeoutProtocol: LintRule = {
  id: 'service-connect-timeout-protocol',
  severity: 'warning',
  title: 'Per-request timeout on a TCP Service Connect port',
  description:
    "`perRequestTimeoutSeconds` applies only when the port mapping's `appProtocol` is http, http2 or grpc; on a port without one the proxy treats traffic as TCP and ignores it, so requests are not bounded as intended.",
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const { service, td, entry } of serviceConnectEntries(scopes)) {
      const perRequest = entry.timeout?.perRequestTimeoutSeconds;
      if (perRequest === undefined) continue;
      const mapping = portMappingNamed(td, entry.portName);
      // A missing mapping is service-connect-port-name's finding.
      if (!mapping || mapping.appProtocol) continue;
      findings.push(
        finding(
          serviceConnectTimeoutProtocol,
          serviceSubject(service),
          `Service Connect entry "${entry.portName}" sets perRequestTimeoutSeconds ${perRequest}, but port mapping "${entry.portName}" in ${td.family}:${td.revision} has no appProtocol, so the proxy handles it as TCP and ignores the per-request timeout.`,
          `Set appProtocol (http, http2 or grpc) on port mapping "${entry.portName}" if it speaks one, or remove perRequestTimeoutSeconds and bound the connection with idleTimeoutSeconds.`,
        ),
      );
    }
    return findings;
  },
};
