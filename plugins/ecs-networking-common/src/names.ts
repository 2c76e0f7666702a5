// Host names are compared the way resolvers compare them: case-insensitively,
// with the root dot of a fully qualified name (`mysql.app.`) ignored.

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const IPV4 =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

export function isIpv4(host: string): boolean {
  return IPV4.test(host);
}

/**
 * A DNS name per RFC 1123 (plus `_` for SRV-style labels), whose last label
 * holds a letter: that rules out version numbers and times (`1.2.3`, `12:30`).
 */
export function isHostname(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split('.');
  if (!labels.every(label => LABEL.test(label))) return false;
  return /[a-z]/.test(labels[labels.length - 1]);
}

export function isSingleLabel(host: string): boolean {
  return !host.includes('.');
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '0.0.0.0';
}

export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** `host` or `host:port`, as written in tags, queries and references. */
export function parseHostPort(
  text: string,
): { host: string; port?: number } | undefined {
  const colon = text.lastIndexOf(':');
  if (colon < 0) {
    const host = normalizeHost(text);
    return isHostname(host) || isIpv4(host) ? { host } : undefined;
  }
  const host = normalizeHost(text.slice(0, colon));
  const port = parsePort(text.slice(colon + 1));
  if (port === undefined || !(isHostname(host) || isIpv4(host))) {
    return undefined;
  }
  return { host, port };
}

export function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
