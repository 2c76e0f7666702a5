import type { Box, LayoutInput } from './layoutTypes';

/** From the page to the layout worker. */
export type LayoutRequest =
  | { type: 'layout'; id: number; input: LayoutInput }
  /** Arrange this group next: someone just expanded it. */
  | { type: 'first'; id: number; group: number };

/** From the layout worker, in this order: the groups, then each group's members. */
export type LayoutReply =
  | { type: 'groups'; id: number; boxes: Box[]; ms: number }
  | { type: 'members'; id: number; group: number; slots: number[]; ms: number }
  | { type: 'done'; id: number; ms: number };
