import { analyzeIndexed } from '../analyze';
import type { NetworkModel } from '../model';
import { resolveTagKeys } from '../options';
import type { ScopeIndex } from '../scopeIndex';
import { createEstateIndex, EstateIndex } from './estateIndex';
import type { CheckOptions, LiveNetwork } from './types';

/** The live network as the portal analyses it, and what a plan check looks up in it. */
export interface Baseline {
  model: NetworkModel;
  scopes: ScopeIndex;
  /** Built on first use: the form's pickers need the model alone. */
  readonly index: EstateIndex;
}

const baselines = new WeakMap<LiveNetwork, Map<string, Baseline>>();

/**
 * Step 3a: the live network analysed once per live network (and tag keys),
 * kept as long as the live network is (the sources hand out one object per
 * generation): every plan checked against it (each service of a Terraform
 * run, each change in a form) reuses it and analyses only what it touches
 * (see `planNeighbourhood`).
 */
export function baselineOf(
  live: LiveNetwork,
  options: CheckOptions = {},
): Baseline {
  const tagKeys = resolveTagKeys(options.tagKeys);
  const key = JSON.stringify(tagKeys);
  let byTagKeys = baselines.get(live);
  if (!byTagKeys) {
    byTagKeys = new Map();
    baselines.set(live, byTagKeys);
  }
  let baseline = byTagKeys.get(key);
  if (!baseline) {
    const { model, scopes } = analyzeIndexed(live.snapshots, { tagKeys });
    let index: EstateIndex | undefined;
    baseline = {
      model,
      scopes,
      get index() {
        index ??= createEstateIndex(scopes, model, tagKeys);
        return index;
      },
    };
    byTagKeys.set(key, baseline);
  }
  return baseline;
}

/**
 * The baseline's model: the live network as the portal analyses it, the
 * model a plan's findings are compared with.
 *
 * @public
 */
export function baselineModel(
  live: LiveNetwork,
  options: CheckOptions = {},
): NetworkModel {
  return baselineOf(live, options).model;
}
