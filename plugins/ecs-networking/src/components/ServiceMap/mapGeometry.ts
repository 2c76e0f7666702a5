import { gridColumns } from './layout/gridLayout';
import {
  CELL_HEIGHT,
  CELL_WIDTH,
  GROUP_HEADER,
  GROUP_PADDING,
  NODE_HEIGHT,
  NODE_WIDTH,
  type Box,
} from './layout/layoutTypes';
import type { MapScene } from './drawMap';
import { anchorGroup } from './visibleEdges';

/**
 * Every line's ends, four numbers a line (x1, y1, x2, y2) in `into`: on
 * the edges of its boxes (a service's, or a closed group's), where the
 * straight line between their centres leaves them. No object per line: a
 * frame of a large map has thousands, and each would be garbage the next
 * frame.
 */
export function lineEndsInto(scene: Pick<MapScene, 'layout' | 'lines'>, into: Float64Array) {
  const { layout, lines } = scene;
  // Centre and half size of an anchor's box.
  let cx = 0;
  let cy = 0;
  let hw = 0;
  let hh = 0;
  const anchor = (a: number) => {
    if (a < 0) {
      const box = layout.groups[anchorGroup(a)];
      hw = box.width / 2;
      hh = box.height / 2;
      cx = box.x + hw;
      cy = box.y + hh;
    } else {
      cx = layout.x[a];
      cy = layout.y[a];
      hw = NODE_WIDTH / 2;
      hh = NODE_HEIGHT / 2;
    }
  };
  // The fraction of (dx, dy) from the centre that stays inside the box.
  const exit = (dx: number, dy: number) => {
    if (dx === 0 && dy === 0) return 0;
    return Math.min(1, dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  };
  for (let i = 0; i < lines.length; i++) {
    anchor(lines[i].to);
    const bx = cx;
    const by = cy;
    const bw = hw;
    const bh = hh;
    anchor(lines[i].from);
    const s1 = exit(bx - cx, by - cy);
    into[4 * i] = cx + (bx - cx) * s1;
    into[4 * i + 1] = cy + (by - cy) * s1;
    hw = bw;
    hh = bh;
    const s2 = exit(cx - bx, cy - by);
    into[4 * i + 2] = bx + (cx - bx) * s2;
    into[4 * i + 3] = by + (cy - by) * s2;
  }
}

/** The part of a segment inside a box, as fractions of it from its start. */
export interface Clip {
  t0: number;
  t1: number;
}

/** Narrows `clip` by one side of the box (Liang–Barsky); false when nothing is left. */
function narrow(p: number, q: number, clip: Clip): boolean {
  if (p === 0) return q >= 0;
  const r = q / p;
  if (p < 0) {
    if (r > clip.t1) return false;
    if (r > clip.t0) clip.t0 = r;
  } else {
    if (r < clip.t0) return false;
    if (r < clip.t1) clip.t1 = r;
  }
  return true;
}

/**
 * Writes into `clip` the part of segment (x1, y1)–(x2, y2) inside `box`;
 * false when it misses the box. A line that only crosses the view is
 * drawn (and dashed) over the view, not over its whole length.
 */
export function clipSegment(x1: number, y1: number, x2: number, y2: number, box: Box, clip: Clip): boolean {
  clip.t0 = 0;
  clip.t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  return (
    narrow(-dx, x1 - box.x, clip) &&
    narrow(dx, box.x + box.width - x1, clip) &&
    narrow(-dy, y1 - box.y, clip) &&
    narrow(dy, box.y + box.height - y1, clip)
  );
}

/**
 * Whether map point (x, y) falls on a service's box in one of `groups`
 * (open ones): its group's grid says, without a search.
 */
function onService(
  scene: Pick<MapScene, 'graph' | 'layout'>,
  groups: readonly number[],
  x: number,
  y: number,
): boolean {
  for (const g of groups) {
    const box = scene.layout.groups[g];
    if (!box || x < box.x || y < box.y || x > box.x + box.width || y > box.y + box.height) continue;
    const members = scene.graph.groups[g].members.length;
    const columns = gridColumns(members);
    const cx = x - box.x - GROUP_PADDING;
    const cy = y - box.y - GROUP_PADDING - GROUP_HEADER;
    const column = Math.floor(cx / CELL_WIDTH);
    const row = Math.floor(cy / CELL_HEIGHT);
    if (cy < 0 || column >= columns || row * columns + column >= members) return false;
    const dx = Math.abs(cx - (column + 0.5) * CELL_WIDTH);
    const dy = Math.abs(cy - (row + 0.5) * CELL_HEIGHT);
    return dx <= NODE_WIDTH / 2 + 4 && dy <= NODE_HEIGHT / 2 + 8;
  }
  return false;
}

const LABEL_TRIES = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];

/**
 * Where a line's label goes: its middle, or the nearest point along it
 * clear of the services of `groups`.
 */
export function labelSpot(
  scene: Pick<MapScene, 'graph' | 'layout'>,
  groups: readonly number[],
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): [number, number] {
  for (const t of LABEL_TRIES) {
    const x = x1 + (x2 - x1) * t;
    const y = y1 + (y2 - y1) * t;
    if (!onService(scene, groups, x, y)) return [x, y];
  }
  return [(x1 + x2) / 2, (y1 + y2) / 2];
}
