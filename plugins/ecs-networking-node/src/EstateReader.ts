import { retainReferences, ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import { mapLimited } from './reader/paging';
import type { ScopeConfig } from './reader/ScopeConfig';
import { ReaderOptions, ScopeReader, ScopeReadResult } from './reader/ScopeReader';

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
}
