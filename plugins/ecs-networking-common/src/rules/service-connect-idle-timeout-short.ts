import type { Finding } from '../model';
import {
  finding,
  LintRule,
  portMappingNamed,
  serviceConnectEntries,
  serviceSubject,
} from './types';

/**
 * Below this, long-lived gRPC and HTTP/2 streams (server streaming,
 * watches, subscriptions) are cut while they wait; the proxy's own default
 * is 300 seconds.
 */
export const SHORT_IDLE_TIMEOUT_SECONDS = 60;

const LONG_LIVED = new Set(['grpc', 'http2']);

/** @public */
export const serviceConnectIdleTimeoutShort: LintRule = {
  id: 'service-connect-idle-timeout-short',
  severity: 'warning',
  title: 'Very short idle timeout for a long-lived protocol',
  description: `gRPC and HTTP/2 keep connections and streams open while idle; a Service Connect idleTimeoutSeconds under ${SHORT_IDLE_TIMEOUT_SECONDS} seconds (0 turns it off) makes the proxy close them, which clients see as cancelled streams and reconnects.`,
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const { service, td, entry } of serviceConnectEntries(scopes)) {
      const idle = entry.timeout?.idleTimeoutSeconds;
      if (!idle || idle >= SHORT_IDLE_TIMEOUT_SECONDS) continue;
      const protocol = portMappingNamed(td, entry.portName)?.appProtocol;
      if (!protocol || !LONG_LIVED.has(protocol)) continue;
      findings.push(
        finding(
          serviceConnectIdleTimeoutShort,
          serviceSubject(service),
          `Service Connect entry "${entry.portName}" (${protocol}) closes connections idle for ${idle} s, which cuts long-lived ${protocol} streams that wait longer.`,
          `Raise idleTimeoutSeconds to at least ${SHORT_IDLE_TIMEOUT_SECONDS} (the proxy's default is 300), or set 0 to turn it off, and bound calls with perRequestTimeoutSeconds instead.`,
        ),
      );
    }
    return findings;
  },
};
