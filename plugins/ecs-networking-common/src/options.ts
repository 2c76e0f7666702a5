import type { DriftInput } from './drift';
import { DEFAULT_TAG_KEYS, TagKeys } from './tagKeys';

/**
 * Traffic seen between two services, e.g. from Service Connect CloudWatch
 * metrics, which name the target by its discovery name.
 *
 * @public
 */
export interface ObservedCall {
  /** ARN of the calling ECS service. */
  from: string;
  discoveryName: string;
  /** Namespace name or ARN; the caller's Service Connect namespace when absent. */
  namespace?: string;
}

/** @public */
export interface AnalyzeOptions {
  tagKeys?: Partial<TagKeys>;
  /** ECS service ARN → endpoint names, ECS service names or ARNs it depends on, per the catalog. */
  catalogDependsOn?: Record<string, string[]>;
  /**
   * Component refs (`component:default/mysql`) that component tags name and
   * the catalog does not hold, per the catalog; each tagged service gets a
   * `component-tag-not-in-catalog` finding.
   */
  catalogMissingComponents?: string[];
  /**
   * What the catalog's Components declare and how long declared calls have
   * gone unobserved: the `dependency-undeclared` and
   * `dependency-not-observed` findings. None without it.
   */
  drift?: DriftInput;
  observed?: ObservedCall[];
}

/** @public */
export function resolveTagKeys(tagKeys?: Partial<TagKeys>): TagKeys {
  const resolved = { ...DEFAULT_TAG_KEYS };
  for (const key of Object.keys(resolved) as (keyof TagKeys)[]) {
    const value = tagKeys?.[key];
    if (value) resolved[key] = value;
  }
  return resolved;
}
