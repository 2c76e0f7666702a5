import type { Finding } from '../model';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const serviceConnectAccessLogDestination: LintRule = {
  id: 'service-connect-access-log-destination',
  severity: 'error',
  title: 'Service Connect access logs without a log configuration',
  description:
    "Service Connect access logs are written through the proxy's `logConfiguration`; `accessLogConfiguration` without one has nowhere to write, and ECS refuses it on new deployments.",
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      const sc = service.item.serviceConnect;
      if (!sc?.enabled || !sc.accessLog || sc.logDriver) continue;
      findings.push(
        finding(
          serviceConnectAccessLogDestination,
          serviceSubject(service),
          `Service Connect access logs (${sc.accessLog.format}) are on, but serviceConnectConfiguration has no logConfiguration, so the proxy has nowhere to write them.`,
          `Add a logConfiguration to serviceConnectConfiguration (for example the awslogs driver and a log group), or remove accessLogConfiguration.`,
        ),
      );
    }
    return findings;
  },
};
