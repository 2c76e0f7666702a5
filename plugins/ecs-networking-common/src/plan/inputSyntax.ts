import {
  ACCOUNT_ID,
  ECS_NAME,
  KMS_KEY_ARN,
  NAMESPACE_REF,
  PCA_ARN,
  PORT_NAME,
  REGION,
  ROLE_ARN,
  TAG_VALUE,
} from '../awsNameRules';
import {
  DNS_LABEL,
  DNS_NAME,
  ENDPOINT_NAME,
  matchesNameRule,
  type NameRule,
} from '../nameRules';
import type { PlanInput } from './planInput';
import type { Problem } from './types';

const PORT: [number, number] = [1, 65535];
/** DNS TTLs and Service Connect timeouts, in seconds. */
const SECONDS: [number, number] = [0, 2147483647];

/**
 * The input's names and numbers checked against the same name rules the
 * `ecs-networking:validate` action's schema is built from, one problem per
 * field, each naming the field. The action's schema refuses the same values
 * before it runs; a form calls this to say so while the person types.
 *
 * @public
 */
export function inputSyntaxProblems(input: PlanInput): Problem[] {
  const problems: Problem[] = [];
  const name = (field: string, rule: NameRule, value: string | undefined) => {
    if (value === undefined || matchesNameRule(rule, value)) return;
    problems.push({
      severity: 'error',
      ruleId: 'input-syntax',
      field,
      message: `"${value}" ${rule.message}${
        value.length > rule.maxLength
          ? ` (at most ${rule.maxLength} characters, it has ${value.length})`
          : ''
      }.`,
    });
  };
  const range = (
    field: string,
    value: number | undefined,
    [min, max]: [number, number],
  ) => {
    const fits = Number.isInteger(value) && value! >= min && value! <= max;
    if (value === undefined || fits) return;
    problems.push({
      severity: 'error',
      ruleId: 'input-syntax',
      field,
      message: `${value} must be a whole number from ${min} to ${max}.`,
    });
  };
  const optional = (value: string | undefined) => value || undefined;

  name('accountId', ACCOUNT_ID, input.accountId);
  name('region', REGION, input.region);
  name('cluster', ECS_NAME, input.cluster);
  name('serviceName', ECS_NAME, input.serviceName);
  name('container.name', ECS_NAME, input.container.name);
  name('container.portName', PORT_NAME, input.container.portName);
  range('container.port', input.container.port, PORT);
  const sc = input.serviceConnect;
  if (sc) {
    name('serviceConnect.namespace', NAMESPACE_REF, optional(sc.namespace));
    name('serviceConnect.portName', PORT_NAME, optional(sc.portName));
    name('serviceConnect.discoveryName', DNS_LABEL, optional(sc.discoveryName));
    name(
      'serviceConnect.clientAlias.dnsName',
      DNS_NAME,
      sc.clientAlias.dnsName,
    );
    range('serviceConnect.clientAlias.port', sc.clientAlias.port, PORT);
    const tls = sc.tls;
    name(
      'serviceConnect.tls.certificateAuthorityArn',
      PCA_ARN,
      optional(tls?.certificateAuthorityArn),
    );
    name('serviceConnect.tls.kmsKey', KMS_KEY_ARN, optional(tls?.kmsKey));
    name('serviceConnect.tls.roleArn', ROLE_ARN, optional(tls?.roleArn));
    const timeout = sc.timeout;
    range(
      'serviceConnect.timeout.idleTimeoutSeconds',
      timeout?.idleTimeoutSeconds,
      SECONDS,
    );
    range(
      'serviceConnect.timeout.perRequestTimeoutSeconds',
      timeout?.perRequestTimeoutSeconds,
      SECONDS,
    );
  }
  const sd = input.serviceDiscovery;
  if (sd) {
    name('serviceDiscovery.namespace', NAMESPACE_REF, sd.namespace);
    name('serviceDiscovery.name', DNS_LABEL, sd.name);
    range('serviceDiscovery.ttl', sd.ttl, SECONDS);
  }
  for (const dependency of input.dependencies)
    name('dependencies', ENDPOINT_NAME, dependency);
  for (const [key, value] of Object.entries(input.tags))
    name(`tags.${key}`, TAG_VALUE, value);
  return problems;
}
