import type { Finding } from '../model';
import {
  finding,
  LintRule,
  portMappingNamed,
  portMappingNames,
  serviceSubject,
} from './types';

/** @public */
export const vpcLatticePortName: LintRule = {
  id: 'vpc-lattice-port-name',
  severity: 'error',
  title: 'VPC Lattice port name matches no port mapping',
  description:
    'ECS registers the port of the port mapping that a `vpcLatticeConfigurations[].portName` names in the Lattice target group; a name no port mapping carries leaves the target group without the service’s tasks.',
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      const td = scopes.taskDefinitionOf(service.item);
      if (!td) continue;
      for (const lattice of service.item.vpcLattice ?? []) {
        if (portMappingNamed(td, lattice.portName)) continue;
        const known = portMappingNames(td);
        findings.push(
          finding(
            vpcLatticePortName,
            serviceSubject(service),
            `VPC Lattice port name "${lattice.portName}" (target group ${lattice.targetGroupArn}) matches no port mapping name in ${td.family}:${td.revision} (named: ${known}), so no task is registered in the target group.`,
            `Name a port mapping "${lattice.portName}" in the task definition, or set the Lattice portName to one of: ${known}.`,
          ),
        );
      }
    }
    return findings;
  },
};
