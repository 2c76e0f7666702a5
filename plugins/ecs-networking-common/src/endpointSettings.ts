import type { Endpoint } from './model';
import { arnResourceName } from './arns';

/**
 * How traffic to an endpoint is handled, one short phrase each, for the
 * card, the API entity and the CLI: Service Connect TLS (on with its CA, or
 * off), timeouts and access logs; a Lattice endpoint's target group and port
 * name. Empty for mechanisms without such settings.
 *
 * @public
 */
export function endpointSettings(endpoint: Endpoint): string[] {
  if (endpoint.mechanism === 'lattice') {
    return [
      `VPC Lattice target group ${endpoint.targetGroupArn ?? endpoint.name}`,
      ...(endpoint.portName ? [`port name ${endpoint.portName}`] : []),
    ];
  }
  if (endpoint.mechanism !== 'connect') return [];
  const settings: string[] = [];
  const ca = endpoint.tls?.certificateAuthorityArn;
  if (!endpoint.tls) settings.push('TLS off');
  else settings.push(ca ? `TLS (AWS Private CA ${arnResourceName(ca)})` : 'TLS on');
  const timeout = endpoint.timeout;
  // 0 turns a timeout off, as ECS documents.
  const seconds = (value: number) => (value === 0 ? 'off' : `${value} s`);
  if (timeout?.idleTimeoutSeconds !== undefined) {
    settings.push(`idle timeout ${seconds(timeout.idleTimeoutSeconds)}`);
  }
  if (timeout?.perRequestTimeoutSeconds !== undefined) {
    settings.push(`per-request timeout ${seconds(timeout.perRequestTimeoutSeconds)}`);
  }
  if (endpoint.accessLog) {
    settings.push(
      `access logs ${endpoint.accessLog.format}${
        endpoint.accessLog.includeQueryParameters === 'ENABLED'
          ? ' with query parameters'
          : ''
      }`,
    );
  }
  return settings;
}
