import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  createTemplateAction,
  serializeDirectoryContents,
} from '@backstage/plugin-scaffolder-node';
import type { ArchiveStore } from '../archive/archiveStore';
import { GENERATED_ARCHIVE_ROUTE } from '@ecs-net/plugin-ecs-networking-common';
import { plain } from './zodSchema';

export const ARCHIVE_ACTION_ID = 'ecs-networking:archive';

/**
 * `ecs-networking:archive`: packs a directory of the task workspace into a
 * .tar.gz the scaffolder backend serves, to the user who ran the task only,
 * until it expires. Every run of a template gets one, whether or not it
 * also publishes, so the generated files can be looked at where no git host
 * is configured (the demo) as where one is.
 */
export function createArchiveAction(options: { store: ArchiveStore }) {
  const { store } = options;
  return createTemplateAction({
    id: ARCHIVE_ACTION_ID,
    description:
      'Packs workspace files into a .tar.gz the scaffolder backend serves to the user who ran the task, until it expires.',
    examples: [
      {
        description: 'Archive everything the template generated',
        example: `steps:
  - id: archive
    name: Keep the generated files for download
    action: ${ARCHIVE_ACTION_ID}
    input:
      name: \${{ parameters.name }}
output:
  links:
    - title: Generated files
      url: /ecs-networking-files?archive=\${{ steps.archive.output.archiveId }}`,
      },
    ],
    // In the template editor's dry run too: its files can be downloaded
    // the same way.
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string({ description: 'Archive file name, without .tar.gz' })
            .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
              message:
                'letters, digits, ".", "_" and "-", starting with a letter or digit, at most 100 characters',
            }),
        path: z =>
          z
            .string({
              description: 'Workspace directory to archive; the whole workspace if left out',
            })
            .optional(),
      },
      output: {
        archiveId: z => z.string(),
        downloadPath: z =>
          z.string({
            description: 'Path of the .tar.gz under the scaffolder backend',
          }),
        expiresAt: z => z.string(),
        files: z => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const root = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.path ?? '.',
      );
      // Symbolic links are left out: an archive holds what was generated,
      // not what a link points at.
      const files = (await serializeDirectoryContents(root)).filter(
        f => !f.symlink,
      );
      const listing = await store.put({
        name: ctx.input.name,
        owner: ctx.user?.ref,
        files,
      });
      ctx.logger.info(
        `Archived ${files.length} files as ${listing.name}.tar.gz until ${listing.expiresAt}`,
      );
      ctx.output('archiveId', listing.id);
      ctx.output('downloadPath', `${GENERATED_ARCHIVE_ROUTE}/${listing.id}/download`);
      ctx.output('expiresAt', listing.expiresAt);
      ctx.output('files', plain(listing.files.map(f => f.path)));
    },
  });
}
