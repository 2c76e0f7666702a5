import {
  appMeshInUse,
  baselineModel,
  type LiveNetwork,
  type ModelService,
} from '@ecs-net/plugin-ecs-networking-common';
import { inScope, type Scope } from './networkOptions';

export interface ServiceOption {
  /** What the field stores: the ECS service ARN. */
  value: string;
  service: ModelService;
  /** `shop/legacy-gateway` */
  label: string;
  /** `111111111111 / eu-west-1 · owner team-platform` */
  detail: string;
}

/**
 * The live services of the scope, one per ARN, sorted by name and then
 * account and region; with `appMeshOnly`, those the app-mesh-in-use finding
 * lists, so a migration is only offered where there is something to migrate.
 */
export function serviceOptions(
  live: LiveNetwork,
  scope: Scope,
  appMeshOnly = false,
): ServiceOption[] {
  const model = baselineModel(live);
  const meshed = new Set(
    model.findings
      .filter(f => f.ruleId === appMeshInUse.id)
      .map(f => f.subject.arn),
  );
  return model.services
    .filter(s => inScope(s, scope) && (!appMeshOnly || meshed.has(s.arn)))
    .map(service => ({
      value: service.arn,
      service,
      label: `${service.cluster}/${service.name}`,
      detail: `${service.accountId} / ${service.region} · ${
        service.owner ? `owner ${service.owner}` : 'no owner tag'
      }`,
    }))
    .sort(
      (a, b) =>
        a.label.localeCompare(b.label) || a.detail.localeCompare(b.detail),
    );
}
