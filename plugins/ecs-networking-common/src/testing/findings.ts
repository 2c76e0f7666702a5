import type { Finding } from '../model';
import type { ScopeSnapshot } from '../snapshot';
import type { AnalyzeOptions } from '../options';
import { analyzeNetwork } from '../analyze';

/**
 * The findings one rule reports on the given snapshots, after a full analysis.
 *
 * @public
 */
export function findingsOf(
  ruleId: string,
  snapshots: ScopeSnapshot[],
  options?: AnalyzeOptions,
): Finding[] {
  return analyzeNetwork(snapshots, options).findings.filter(
    f => f.ruleId === ruleId,
  );
}
