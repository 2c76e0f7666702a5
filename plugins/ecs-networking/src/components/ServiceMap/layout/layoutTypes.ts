/** What the layout worker is given: plain numbers, cheap to post. */
export interface LayoutInput {
  nodeCount: number;
  /** Members of each group, as node indexes, in name order. */
  groups: number[][];
  /** Calls as pairs of node indexes: `[from0, to0, from1, to1, …]`. */
  edges: number[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where everything goes, in map units; a node's position is its centre.
 * `arranged[g]` tells whether group g's members are placed by their calls
 * yet, or still in name order.
 */
export interface LayoutResult {
  x: Float64Array;
  y: Float64Array;
  groups: Box[];
  arranged: boolean[];
}

/** A node's box: room for a badge and a name of about 20 characters. */
export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 28;
/** A grid cell: a node and the gap around it, where edge labels go. */
export const CELL_WIDTH = NODE_WIDTH + 40;
export const CELL_HEIGHT = NODE_HEIGHT + 34;
/** Room above a group's members for its title. */
export const GROUP_HEADER = 52;
export const GROUP_PADDING = 16;
