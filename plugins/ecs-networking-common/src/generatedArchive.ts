/**
 * The archive of a scaffolder task's generated files, as the scaffolder
 * module's `ecs-networking:archive` action stores it and the scaffolder
 * backend serves it at `/api/scaffolder` + {@link GENERATED_ARCHIVE_ROUTE}
 * + `/:id` (this listing) and `/:id/download` (the .tar.gz).
 */
export interface GeneratedArchive {
  id: string;
  /** The .tar.gz's file name, without the extension. */
  name: string;
  /** Entity ref of the user whose task made it; only they may read it. */
  owner?: string;
  expiresAt: string;
  files: { path: string; size: number }[];
}

/** Where the scaffolder backend serves generated archives, under its base URL. */
export const GENERATED_ARCHIVE_ROUTE = '/ecs-networking/archives';
