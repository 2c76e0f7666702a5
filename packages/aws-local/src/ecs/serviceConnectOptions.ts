import { ecsErrors } from './ecsErrors';
import { ServiceConnectConfiguration, ServiceConnectService } from './types';

// ECS's Duration shape: an integer from 0 (off) to 2147483647 seconds.
const DURATION_MAX = 2147483647;
const ACCESS_LOG_FORMATS = ['TEXT', 'JSON'];
const QUERY_PARAMETERS = ['DISABLED', 'ENABLED'];

function checkDuration(value: unknown, member: string): void {
  if (value === undefined) return;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 0 ||
    value > DURATION_MAX
  ) {
    throw ecsErrors.invalidParameter(
      `${member} must be an integer between 0 and ${DURATION_MAX}.`,
    );
  }
}

/**
 * The TLS and timeout members of one Service Connect entry, checked as ECS's
 * model declares them: `tls.issuerCertificateAuthority` is required, and
 * each timeout is a Duration.
 */
export function checkEntryOptions(
  entry: ServiceConnectService,
  index: number,
): void {
  const at = `serviceConnectConfiguration.services[${index}]`;
  if (entry.tls !== undefined) {
    const tls = entry.tls as {
      issuerCertificateAuthority?: { awsPcaAuthorityArn?: unknown };
    };
    if (!tls?.issuerCertificateAuthority) {
      throw ecsErrors.invalidParameter(
        `${at}.tls.issuerCertificateAuthority must be specified.`,
      );
    }
    const ca = tls.issuerCertificateAuthority.awsPcaAuthorityArn;
    if (
      ca !== undefined &&
      (typeof ca !== 'string' || !/^arn:aws[\w-]*:acm-pca:/.test(ca))
    ) {
      throw ecsErrors.invalidParameter(
        `${at}.tls.issuerCertificateAuthority.awsPcaAuthorityArn must be the ARN of an AWS Private CA certificate authority.`,
      );
    }
  }
  if (entry.timeout !== undefined) {
    const timeout = entry.timeout as Record<string, unknown>;
    checkDuration(timeout?.idleTimeoutSeconds, `${at}.timeout.idleTimeoutSeconds`);
    checkDuration(
      timeout?.perRequestTimeoutSeconds,
      `${at}.timeout.perRequestTimeoutSeconds`,
    );
  }
}

/**
 * Access logs: a format of TEXT or JSON, and, as ECS documents, a
 * `logConfiguration` to write them to. `unchecked` (the estate seeder only)
 * lets the second pass, to model a configuration that drifted.
 */
export function checkAccessLog(
  config: ServiceConnectConfiguration,
  unchecked: boolean,
): void {
  const accessLog = config.accessLogConfiguration as
    | { format?: unknown; includeQueryParameters?: unknown }
    | undefined;
  if (accessLog === undefined) return;
  const at = 'serviceConnectConfiguration.accessLogConfiguration';
  if (!ACCESS_LOG_FORMATS.includes(accessLog?.format as string)) {
    throw ecsErrors.invalidParameter(
      `${at}.format must be one of: ${ACCESS_LOG_FORMATS.join(', ')}.`,
    );
  }
  if (
    accessLog.includeQueryParameters !== undefined &&
    !QUERY_PARAMETERS.includes(accessLog.includeQueryParameters as string)
  ) {
    throw ecsErrors.invalidParameter(
      `${at}.includeQueryParameters must be one of: ${QUERY_PARAMETERS.join(
        ', ',
      )}.`,
    );
  }
  if (!config.logConfiguration && !unchecked) {
    throw ecsErrors.invalidParameter(
      'serviceConnectConfiguration.logConfiguration must be specified to enable access logs.',
    );
  }
}
