import {
  CELL_HEIGHT,
  CELL_WIDTH,
  GROUP_HEADER,
  GROUP_PADDING,
} from './layoutTypes';

/** Columns of a group's grid: about twice as wide as high, like a screen. */
export function gridColumns(members: number): number {
  return Math.max(1, Math.round(Math.sqrt((members * 2 * CELL_HEIGHT) / CELL_WIDTH)));
}

/** A group's size is fixed by its member count, so it can be placed before its members are. */
export function groupSize(members: number): { width: number; height: number } {
  const columns = gridColumns(members);
  const rows = Math.ceil(members / columns);
  return {
    width: Math.min(columns, members) * CELL_WIDTH + 2 * GROUP_PADDING,
    height: rows * CELL_HEIGHT + 2 * GROUP_PADDING + GROUP_HEADER,
  };
}

/** Centre of cell `slot` of a group's grid, relative to the group's corner. */
export function cellCentre(slot: number, columns: number): [number, number] {
  return [
    GROUP_PADDING + (slot % columns) * CELL_WIDTH + CELL_WIDTH / 2,
    GROUP_PADDING + GROUP_HEADER + Math.floor(slot / columns) * CELL_HEIGHT + CELL_HEIGHT / 2,
  ];
}
