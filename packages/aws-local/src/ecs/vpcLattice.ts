import { ecsErrors } from './ecsErrors';
import { findPortByName } from './ServiceWiring';
import { TaskDefinition, VpcLatticeConfiguration } from './types';

const TARGET_GROUP_ARN = /^arn:aws[\w-]*:vpc-lattice:[^:]+:\d{12}:targetgroup\/tg-[0-9a-z]+$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/.+$/;

/**
 * `vpcLatticeConfigurations` as ECS checks them: each names its role, a
 * Lattice target group and the port mapping whose port it registers there.
 * Lattice itself is not emulated; the configuration is stored and echoed on
 * the deployment. `unchecked` (the estate seeder only) lets a port name that
 * matches no port mapping pass, as after a task definition changed under
 * the service.
 */
export function checkVpcLattice(
  configurations: VpcLatticeConfiguration[] | undefined,
  td: TaskDefinition,
  unchecked: boolean,
): VpcLatticeConfiguration[] | undefined {
  if (configurations === undefined) return undefined;
  if (!Array.isArray(configurations)) {
    throw ecsErrors.invalidParameter('vpcLatticeConfigurations must be a list.');
  }
  return configurations.map((config, index) => {
    const at = `vpcLatticeConfigurations[${index}]`;
    for (const member of ['roleArn', 'targetGroupArn', 'portName'] as const) {
      if (typeof config?.[member] !== 'string' || config[member] === '') {
        throw ecsErrors.invalidParameter(`${at}.${member} must be specified.`);
      }
    }
    if (!ROLE_ARN.test(config.roleArn)) {
      throw ecsErrors.invalidParameter(
        `${at}.roleArn ${config.roleArn} is not a valid IAM role ARN.`,
      );
    }
    if (!TARGET_GROUP_ARN.test(config.targetGroupArn)) {
      throw ecsErrors.invalidParameter(
        `${at}.targetGroupArn ${config.targetGroupArn} is not a valid VPC Lattice target group ARN.`,
      );
    }
    if (!unchecked && !findPortByName(td, config.portName)) {
      throw ecsErrors.invalidParameter(
        `The portName '${config.portName}' in ${at} does not match any portMappings name in task definition ${td.family}:${td.revision}.`,
      );
    }
    return { ...config };
  });
}
