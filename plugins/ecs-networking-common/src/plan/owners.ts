import type { ModelService, NetworkModel } from '../model';

/** `shop/user-service (owner team-identity)`, so a person knows whom to ask. */
export function describeService(
  service: ModelService | undefined,
  fallback: string,
): string {
  if (!service) return fallback;
  const owner = service.owner ? `owner ${service.owner}` : 'no owner tag';
  return `${service.cluster}/${service.name} (${owner})`;
}

const byArnOf = new WeakMap<NetworkModel, Map<string, ModelService>>();

/**
 * The model's services by ARN, built once per model: a plan check asks for
 * the baseline's and its own model's several times.
 */
export function servicesByArn(model: NetworkModel): Map<string, ModelService> {
  let byArn = byArnOf.get(model);
  if (!byArn) {
    byArn = new Map(model.services.map(s => [s.arn, s]));
    byArnOf.set(model, byArn);
  }
  return byArn;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Names the owners of the live services a message mentions, by
 * `cluster/service` or by one of their endpoint names, so the person knows
 * whom to talk to. Only services of the plan's account and region count; the
 * planned service itself is never "the other side".
 */
export function withOwners(
  message: string,
  model: NetworkModel,
  scope: { accountId: string; region: string },
  plannedArn: string,
): string {
  // The plain search first: most names are not in the message at all.
  const mentions = (text: string) =>
    message.includes(text) &&
    new RegExp(`(?<![\\w/.:-])${escapeRegExp(text)}(?![\\w/:-]|\\.\\w)`).test(
      message,
    );
  const inScope = (item: { accountId: string; region: string }) =>
    item.accountId === scope.accountId && item.region === scope.region;
  const arns = new Set<string>();
  for (const s of model.services) {
    if (
      s.arn !== plannedArn &&
      inScope(s) &&
      mentions(`${s.cluster}/${s.name}`)
    )
      arns.add(s.arn);
  }
  for (const e of model.endpoints) {
    if (e.serviceArn !== plannedArn && inScope(e) && mentions(e.name))
      arns.add(e.serviceArn);
  }
  const mentioned = model.services.filter(s => arns.has(s.arn));
  if (mentioned.length === 0) return message;
  const owners = mentioned.map(
    s =>
      `${s.cluster}/${s.name} is owned by ${
        s.owner ?? 'nobody (no owner tag)'
      }`,
  );
  return `${message} Owner: ${owners.join('; ')}.`;
}
