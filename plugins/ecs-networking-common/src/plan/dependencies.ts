/**
 * Dependencies chosen in a template become environment variables that point
 * at the chosen endpoints (`ORDER_SERVICE_URL=http://order-service:8080`).
 * The network model reads exactly such references out of task definitions,
 * so once the service runs its dependency edges appear by themselves.
 */

export interface DependencyBinding {
  /** The endpoint name as chosen (`order-service:8080`, `mysql.app`). */
  endpoint: string;
  /** Environment variable name (`ORDER_SERVICE_URL`). */
  variable: string;
  /** Its value (`http://order-service:8080`, `mysql.app`). */
  value: string;
  host: string;
  port?: number;
}

interface Parsed {
  endpoint: string;
  scheme?: string;
  host: string;
  port?: number;
}

function parse(endpoint: string): Parsed {
  const trimmed = endpoint.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  const rest = trimmed
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/.*$/, '');
  const colon = rest.lastIndexOf(':');
  const host = (colon < 0 ? rest : rest.slice(0, colon))
    .toLowerCase()
    .replace(/\.$/, '');
  const portText = colon < 0 ? undefined : rest.slice(colon + 1);
  const port =
    portText && /^\d{1,5}$/.test(portText) ? Number(portText) : undefined;
  return { endpoint: trimmed, scheme, host, port };
}

function identifier(text: string): string {
  const id = text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(id) ? `SVC_${id}` : id || 'SERVICE';
}

function valueOf(parsed: Parsed): { value: string; suffix: 'URL' | 'HOST' } {
  const single = !parsed.host.includes('.');
  if (parsed.port !== undefined) {
    return {
      value: `${parsed.scheme ?? 'http'}://${parsed.host}:${parsed.port}`,
      suffix: 'URL',
    };
  }
  if (parsed.scheme || single) {
    // A single label without a port only counts as an address with a scheme.
    return {
      value: `${parsed.scheme ?? 'http'}://${parsed.host}`,
      suffix: 'URL',
    };
  }
  return { value: parsed.host, suffix: 'HOST' };
}

/**
 * One environment variable per dependency, named after the endpoint's first
 * label (`ORDER_SERVICE_URL`), the whole host when first labels clash
 * (`MYSQL_APP_HOST`), and the port on top when hosts clash too.
 */
export function bindDependencies(endpoints: string[]): DependencyBinding[] {
  const unique = [...new Set(endpoints.map(e => e.trim()).filter(Boolean))];
  const parsed = unique.map(parse);
  const count = (key: (p: Parsed) => string) => {
    const counts = new Map<string, number>();
    for (const p of parsed) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
    return (p: Parsed) => counts.get(key(p)) ?? 0;
  };
  const byLabel = count(p => p.host.split('.')[0]);
  const byHost = count(p => p.host);
  return parsed.map(p => {
    const { value, suffix } = valueOf(p);
    let base = p.host.split('.')[0];
    if (byLabel(p) > 1) base = p.host;
    if (byHost(p) > 1 && p.port !== undefined) base = `${p.host}_${p.port}`;
    const binding: DependencyBinding = {
      endpoint: p.endpoint,
      variable: `${identifier(base)}_${suffix}`,
      value,
      host: p.host,
    };
    if (p.port !== undefined) binding.port = p.port;
    return binding;
  });
}
