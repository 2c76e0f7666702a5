import { analyzeNetwork } from '../analyze';
import type { NetworkModel } from '../model';
import { resolveTagKeys } from '../options';
import type { CheckOptions, LiveNetwork } from './types';

const baselines = new WeakMap<LiveNetwork, Map<string, NetworkModel>>();

/**
 * Step 3a: the live network as the portal analyses it, the baseline a plan's
 * findings are compared with. Computed once per live network (and tag keys)
 * and kept as long as the live network is: every plan checked against it
 * (each service of a Terraform run, each change in a form) reuses it, so a
 * plan costs one analysis, of the merged estate.
 */
export function baselineModel(
  live: LiveNetwork,
  options: CheckOptions = {},
): NetworkModel {
  const tagKeys = resolveTagKeys(options.tagKeys);
  const key = JSON.stringify(tagKeys);
  let byTagKeys = baselines.get(live);
  if (!byTagKeys) {
    byTagKeys = new Map();
    baselines.set(live, byTagKeys);
  }
  let model = byTagKeys.get(key);
  if (!model) {
    model = analyzeNetwork(live.snapshots, { tagKeys });
    byTagKeys.set(key, model);
  }
  return model;
}
