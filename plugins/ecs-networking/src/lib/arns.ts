import { arnResourceName } from '@ecs-net/plugin-ecs-networking-common';

/**
 * Edges name the other service by ARN only, and the other service's endpoint
 * by id; these recover the human-readable parts without another request.
 */

/** `arn:aws:ecs:eu-west-1:1111:service/shop/orders` → `orders`. */
export function serviceNameFromArn(arn: string): string {
  return arnResourceName(arn) || arn;
}

/**
 * Endpoint ids are `mechanism:account:region:namespace:name`, with
 * `@cluster/service` appended when several services claim one name; the name
 * itself may hold a colon (`orders:8080`).
 */
export function endpointNameFromId(id: string): string {
  const name = id.split(':').slice(4).join(':');
  const at = name.indexOf('@');
  return at === -1 ? name : name.slice(0, at);
}
