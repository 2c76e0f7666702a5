import type { CacheService, RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import type { GeneratedArchive } from '@ecs-net/plugin-ecs-networking-common';
import { tarGz, type ArchiveFile } from './tarGz';

interface StoredArchive extends GeneratedArchive {
  /** The .tar.gz, base64: the cache holds JSON. */
  data: string;
}

export interface ArchiveLimits {
  /** Most bytes the archived files may hold together, before compression. */
  maxBytes: number;
  /** How long an archive can be downloaded. */
  expiresAfterMs: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxBytes: 5 * 1024 * 1024,
  expiresAfterMs: 24 * 60 * 60 * 1000,
};

/** ecsNetworking.scaffolder.archive (config.d.ts). */
export function readArchiveLimits(config: RootConfigService): ArchiveLimits {
  const archive = config.getOptionalConfig('ecsNetworking.scaffolder.archive');
  const minutes = archive?.getOptionalNumber('expiresAfterMinutes');
  return {
    maxBytes:
      archive?.getOptionalNumber('maxBytes') ?? DEFAULT_ARCHIVE_LIMITS.maxBytes,
    expiresAfterMs:
      minutes !== undefined
        ? minutes * 60 * 1000
        : DEFAULT_ARCHIVE_LIMITS.expiresAfterMs,
  };
}

const KEY = 'ecs-networking-archive:';

/**
 * Archives of a task's generated files, kept in the scaffolder's cache with
 * a time to live: they expire by themselves, and every replica that shares
 * the cache (Redis, Memcache) can serve them.
 */
export class ArchiveStore {
  constructor(
    private readonly cache: CacheService,
    readonly limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async put(options: {
    name: string;
    owner?: string;
    files: ArchiveFile[];
  }): Promise<GeneratedArchive> {
    const size = options.files.reduce((sum, f) => sum + f.content.length, 0);
    if (size > this.limits.maxBytes) {
      throw new InputError(
        `The generated files hold ${size} bytes, more than the ${this.limits.maxBytes} an archive may (ecsNetworking.scaffolder.archive.maxBytes)`,
      );
    }
    const now = this.now();
    const listing: GeneratedArchive = {
      id: randomUUID(),
      name: options.name,
      owner: options.owner,
      expiresAt: new Date(
        now.getTime() + this.limits.expiresAfterMs,
      ).toISOString(),
      files: options.files.map(f => ({ path: f.path, size: f.content.length })),
    };
    const stored: StoredArchive = {
      ...listing,
      data: tarGz(options.files, now).toString('base64'),
    };
    await this.cache.set(KEY + listing.id, stored as any, {
      ttl: this.limits.expiresAfterMs,
    });
    return listing;
  }

  /** The archive and its bytes, unless it expired (or never was). */
  async get(
    id: string,
  ): Promise<{ listing: GeneratedArchive; data: Buffer } | undefined> {
    const stored = await this.cache.get<any>(KEY + id);
    if (!stored || Date.parse(stored.expiresAt) <= this.now().getTime()) {
      return undefined;
    }
    const { data, ...listing } = stored as StoredArchive;
    return { listing, data: Buffer.from(data, 'base64') };
  }
}
