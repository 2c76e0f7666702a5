/**
 * The one name rule only the actions need: where in the task workspace the
 * Terraform files are. The rules for AWS names live in common, shared with
 * the scaffolder form.
 */

import type { NameRule } from '@ecs-net/plugin-ecs-networking-common';

/**
 * A workspace-relative path or glob for the Terraform files: no absolute
 * paths, no `..` segments, no backslashes, no shell characters.
 */
export const WORKSPACE_GLOB: NameRule = {
  pattern: /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._*?/-]{1,256}$/,
  maxLength: 256,
  message:
    'must be a path or glob relative to the workspace (letters, digits, . _ - / * ?), without ".." segments or a leading "/"',
};
