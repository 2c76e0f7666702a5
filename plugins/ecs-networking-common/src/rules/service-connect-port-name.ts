import type { Finding } from '../model';
import {
  finding,
  LintRule,
  portMappingNamed,
  portMappingNames,
  serviceConnectEntries,
  serviceSubject,
} from './types';

/** @public */
export const serviceConnectPortName: LintRule = {
  id: 'service-connect-port-name',
  severity: 'error',
  title: 'Service Connect port name matches no port mapping',
  description:
    'Service Connect finds the port to proxy by name: each `portName` in the service must equal a `portMappings[].name` in its task definition, or the deployment cannot come up.',
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const { service, td, entry } of serviceConnectEntries(scopes)) {
      if (portMappingNamed(td, entry.portName)) continue;
      const known = portMappingNames(td);
      findings.push(
        finding(
          serviceConnectPortName,
          serviceSubject(service),
          `Service Connect port name "${entry.portName}" matches no port mapping name in ${td.family}:${td.revision} (named: ${known}), so the proxy has no port to serve.`,
          `Name a port mapping "${entry.portName}" in the task definition, or set portName to one of: ${known}.`,
        ),
      );
    }
    return findings;
  },
};
