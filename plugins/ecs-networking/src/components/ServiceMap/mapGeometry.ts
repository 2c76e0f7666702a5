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
import { anchorGroup, type VisibleEdge } from './visibleEdges';

/** The box of a line's end: a service's, or a closed group's. */
export function anchorBox(scene: Pick<MapScene, 'layout'>, anchor: number): Box {
  const { layout } = scene;
  if (anchor < 0) return layout.groups[anchorGroup(anchor)];
  return {
    x: layout.x[anchor] - NODE_WIDTH / 2,
    y: layout.y[anchor] - NODE_HEIGHT / 2,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
  };
}

/** Where the line from a box's centre towards (tx, ty) leaves the box. */
export function boxExit(box: Box, tx: number, ty: number): [number, number] {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const scale = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return [cx + dx * Math.min(scale, 1), cy + dy * Math.min(scale, 1)];
}

/** The two ends of a line, on the edges of its boxes. */
export function lineEnds(scene: Pick<MapScene, 'layout'>, line: VisibleEdge) {
  const a = anchorBox(scene, line.from);
  const b = anchorBox(scene, line.to);
  const [x1, y1] = boxExit(a, b.x + b.width / 2, b.y + b.height / 2);
  const [x2, y2] = boxExit(b, a.x + a.width / 2, a.y + a.height / 2);
  return { x1, y1, x2, y2 };
}

/**
 * Every line's ends as `lineEnds` gives them, four numbers a line
 * (x1, y1, x2, y2) in `into`, without an object per line: a frame of a
 * large map has thousands, and each would be garbage the next frame.
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

/** Whether map point (x, y) falls on a service's box: its group's grid says, without a search. */
export function onService(scene: Pick<MapScene, 'graph' | 'layout' | 'expanded'>, x: number, y: number): boolean {
  for (const g of scene.expanded) {
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

/** Where a line's label goes: its middle, or the nearest point along it clear of services. */
export function labelSpot(
  scene: Pick<MapScene, 'graph' | 'layout' | 'expanded'>,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): [number, number] {
  for (const t of LABEL_TRIES) {
    const x = x1 + (x2 - x1) * t;
    const y = y1 + (y2 - y1) * t;
    if (!onService(scene, x, y)) return [x, y];
  }
  return [(x1 + x2) / 2, (y1 + y2) / 2];
}
