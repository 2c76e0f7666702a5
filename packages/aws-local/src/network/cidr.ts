export interface Ipv4Block {
  /** The network address as an unsigned 32-bit integer. */
  base: number;
  prefixLength: number;
  size: number;
}

export function parseIpv4(address: string): number {
  const parts = address.split('.');
  if (parts.length !== 4) {
    throw new Error(`'${address}' is not an IPv4 address`);
  }
  let value = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!/^\d{1,3}$/.test(part) || octet > 255) {
      throw new Error(`'${address}' is not an IPv4 address`);
    }
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0]
    .map(shift => Math.floor(value / 2 ** shift) % 256)
    .join('.');
}

export function parseCidr(cidr: string): Ipv4Block {
  const [address, prefix] = cidr.split('/');
  const prefixLength = Number(prefix);
  if (
    !Number.isInteger(prefixLength) ||
    prefixLength < 0 ||
    prefixLength > 32
  ) {
    throw new Error(`'${cidr}' is not an IPv4 CIDR block`);
  }
  const size = 2 ** (32 - prefixLength);
  const base = parseIpv4(address) - (parseIpv4(address) % size);
  return { base, prefixLength, size };
}
