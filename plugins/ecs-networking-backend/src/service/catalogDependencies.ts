import type { AuthService } from '@backstage/backend-plugin-api';
import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ComponentDeclarations, entityRefFromTag, parseArn } from '@ecs-net/plugin-ecs-networking-common';
import { readDeclarations, readPublishedRefs } from './catalogDeclarations';

/** Account and region of an ECS service ARN (`arn:aws:ecs:REGION:ACCOUNT:service/…`). */
function placeOf(arn: string) {
  const parts = parseArn(arn);
  return { scope: `${parts?.accountId}/${parts?.region}`, region: parts?.region };
}

/**
 * A Component deployed in several regions links to one service per region;
 * a caller depends on the one beside it (same account and region), else on
 * those in its region (another account's, through a shared namespace), else
 * on all of them.
 */
function nearest(caller: string, targets: string[]): string[] {
  const here = placeOf(caller);
  const beside = targets.filter(t => placeOf(t).scope === here.scope);
  if (beside.length) return beside;
  const region = targets.filter(t => placeOf(t).region === here.region);
  return region.length ? region : targets;
}

/**
 * What the catalog says about the services its Components are linked to by
 * their component tags.
 *
 * @public
 */
export interface CatalogLinks {
  /** Declared dependencies: service ARN → ARNs it depends on. */
  dependsOn: Record<string, string[]>;
  /**
   * Component refs that component tags name and the catalog does not hold,
   * sorted: each becomes a finding rather than a link to nothing.
   */
  missingComponents: string[];
  /**
   * Every hand-written Component the tags link to, with its declarations
   * resolved to services: what drift compares the network with.
   */
  components?: ComponentDeclarations[];
  /**
   * The entity a `dependsOn` line names for each service not linked to one
   * of those Components, by ARN; read only for drift.
   */
  entityRefs?: Record<string, string>;
}

/** What a catalog read should bring besides the declared dependsOn. @public */
export interface CatalogReadOptions {
  /** The Components' declarations for drift (`ecsNetworking.drift.enabled`). */
  declarations: boolean;
}

/** Reads the catalog's side of the services' component tags. @public */
export type CatalogDependsOnReader = (
  services: Array<{ arn: string; component?: string }>,
  options?: CatalogReadOptions,
) => Promise<CatalogLinks>;

/**
 * What the catalog says services depend on, and which tagged Components it
 * lacks. Dependencies are the `dependsOn` of the Components their tags link
 * them to, resolved to ECS service ARNs (a Resource this plugin published,
 * or another linked Component), the nearest where a Component runs in
 * several places. Entities this plugin wrote itself are skipped: their
 * relations come from the model, and feeding them back would keep edges
 * alive after their evidence is gone.
 */
export async function readCatalogDependsOn(
  catalog: CatalogService,
  auth: AuthService,
  services: Array<{ arn: string; component?: string }>,
  options: CatalogReadOptions = { declarations: false },
): Promise<CatalogLinks> {
  const linked = new Map<string, string[]>();
  for (const service of services) {
    const ref = entityRefFromTag(service.component, 'component');
    if (ref) linked.set(ref, [...(linked.get(ref) ?? []), service.arn]);
  }
  const credentials = await auth.getOwnServiceCredentials();
  const ours = (e: Entity) => e.metadata.annotations?.[ANNOTATION_LOCATION]?.startsWith('ecs-networking:');

  const refs = [...linked.keys()];
  const found = refs.length ? (await catalog.getEntitiesByRefs({ entityRefs: refs }, { credentials })).items : [];
  // getEntitiesByRefs answers in the order asked, null where there is none.
  const missingComponents = refs.filter((_, i) => !found[i]).sort();
  const components = await readDeclarations(
    catalog,
    credentials,
    found.flatMap(e => (e && !ours(e) ? [e] : [])),
    linked,
  );

  const dependsOn: Record<string, string[]> = {};
  for (const { component, declared } of components) {
    const targets = declared.filter(d => d.relation === 'dependsOn');
    for (const service of linked.get(component) ?? []) {
      const arns = targets.flatMap(d => nearest(service, d.serviceArns.filter(arn => arn !== service)));
      if (arns.length) dependsOn[service] = [...new Set(arns)];
    }
  }
  if (!options.declarations) return { dependsOn, missingComponents };
  const linkedToHeld = new Set(components.flatMap(c => linked.get(c.component) ?? []));
  return {
    dependsOn,
    missingComponents,
    components,
    entityRefs: await readPublishedRefs(catalog, credentials, linkedToHeld),
  };
}
