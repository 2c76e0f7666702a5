import { retainReferences, ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import { mapLimited } from './reader/paging';
import type { ScopeConfig } from './reader/ScopeConfig';
import { applyServiceRefresh } from './reader/applyServiceRefresh';
import {
  ReaderOptions,
  ScopeReader,
  ScopeReadResult,
  ScopeRefreshResult,
} from './reader/ScopeReader';

/** Account × region pairs read at the same time: each has its own quota. */
const PARALLEL_SCOPES = 4;

/**
 * Reads an ECS estate: every account × region asked for, a few at a time.
 * Pacing, quota state and the task definition cache live as long as the
 * reader, so consecutive reads of the same scopes cost what changed.
 *
 * @public
 */
export class EstateReader {
  private readonly reader: ScopeReader;

  constructor(options: ReaderOptions) {
    this.reader = new ScopeReader(options);
  }

  /**
   * Never throws: each scope's result carries its snapshot or its error.
   * Container references in the snapshots are matched against the
   * endpoints `context` returns (by default, those of the snapshots just
   * read); everything else a task definition holds is gone, since
   * environment values may be secrets.
   *
   * @param options.context - every snapshot a reference may point into,
   *   given the ones just read: a sync adds the last good snapshots of
   *   scopes it did not read this time.
   */
  async readEstate(
    scopes: ScopeConfig[],
    options: {
      signal?: AbortSignal;
      context?: (fresh: ScopeSnapshot[]) => Promise<ScopeSnapshot[]>;
    } = {},
  ): Promise<ScopeReadResult[]> {
    const results = await mapLimited(scopes, PARALLEL_SCOPES, scope =>
      this.reader.read(scope, options.signal),
    );
    const fresh = results.flatMap(r => r.snapshot ?? []);
    const known = options.context ? await options.context(fresh) : fresh;
    const retained = retainReferences(fresh, known);
    return results.map(result =>
      result.snapshot ? { ...result, snapshot: retained[fresh.indexOf(result.snapshot)] } : result,
    );
  }

  /**
   * Re-reads the named services of one scope whose stored snapshot is
   * `base` (after an AWS change event), paced with the full reads. Never
   * throws. The references of task definitions new to the scope are
   * matched against the endpoints `context` returns, given the snapshot
   * with the refresh applied; apply the result with `applyServiceRefresh`.
   */
  async refreshServices(
    scope: ScopeConfig,
    base: ScopeSnapshot,
    serviceArns: string[],
    options: {
      signal?: AbortSignal;
      context?: (updated: ScopeSnapshot) => Promise<ScopeSnapshot[]>;
      /** Cloud Map services (by id) to re-read as well, with the instances only Cloud Map knows. */
      cloudMapServiceIds?: string[];
    } = {},
  ): Promise<ScopeRefreshResult> {
    const result = await this.reader.refresh(
      scope,
      base,
      { serviceArns, cloudMapServiceIds: options.cloudMapServiceIds },
      options.signal,
    );
    if (!result.refresh) return result;
    const updated = applyServiceRefresh(base, result.refresh);
    // Only task definitions new to the scope have references to match.
    const known =
      options.context && result.refresh.taskDefinitions.length
        ? await options.context(updated)
        : [updated];
    const [retained] = retainReferences(
      [{ ...updated, taskDefinitions: result.refresh.taskDefinitions }],
      known,
    );
    return { ...result, refresh: { ...result.refresh, taskDefinitions: retained.taskDefinitions } };
  }
}
