/**
 * The parts of an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`), or
 * undefined when `arn` is not one. The resource keeps its own colons
 * (`task-definition/orders:12`).
 *
 * @public
 */
export function parseArn(arn: string):
  | {
      partition: string;
      service: string;
      region: string;
      accountId: string;
      resource: string;
    }
  | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return {
    partition: parts[1],
    service: parts[2],
    region: parts[3],
    accountId: parts[4],
    resource: parts.slice(5).join(':'),
  };
}

/**
 * The last segment of an ARN's resource path, the name or id AWS shows for
 * it: `…:service/shop/orders` → `orders`, `…:task-definition/orders:12` →
 * `orders:12`, `…:namespace/ns-abc` → `ns-abc`. A value without a `/` comes
 * back whole.
 *
 * @public
 */
export function arnResourceName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
