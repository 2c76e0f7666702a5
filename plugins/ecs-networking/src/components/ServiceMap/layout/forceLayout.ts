import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import { cellCentre, gridColumns, groupSize } from './gridLayout';
import type { Box, LayoutInput } from './layoutTypes';

interface Point extends SimulationNodeDatum {
  r: number;
}

/** d3-force's default run: alpha from 1 down to its minimum. */
const TICKS = 300;

function simulate(
  points: Point[],
  links: Array<[number, number]>,
  options: { distance: number; collide: boolean; charge: number; pull: number },
) {
  const sim = forceSimulation(points)
    .force(
      'link',
      forceLink<Point, { source: number; target: number }>(
        links.map(([source, target]) => ({ source, target })),
      ).distance(options.distance),
    )
    .force('charge', forceManyBody().strength(options.charge))
    .force('x', forceX(0).strength(options.pull))
    .force('y', forceY(0).strength(options.pull))
    .stop();
  if (options.collide) sim.force('collide', forceCollide<Point>(p => p.r));
  sim.tick(TICKS);
}

/** Group of every node, and the calls inside each group and between groups. */
export function splitEdges(input: LayoutInput) {
  const groupOf = new Int32Array(input.nodeCount);
  const local = new Int32Array(input.nodeCount);
  input.groups.forEach((members, g) =>
    members.forEach((n, i) => {
      groupOf[n] = g;
      local[n] = i;
    }),
  );
  const inner: Array<Array<[number, number]>> = input.groups.map(() => []);
  const between = new Map<string, [number, number]>();
  for (let i = 0; i < input.edges.length; i += 2) {
    const a = input.edges[i];
    const b = input.edges[i + 1];
    if (groupOf[a] === groupOf[b]) {
      if (a !== b) inner[groupOf[a]].push([local[a], local[b]]);
    } else {
      between.set(`${groupOf[a]}:${groupOf[b]}`, [groupOf[a], groupOf[b]]);
    }
  }
  return { inner, between: [...between.values()] };
}

/**
 * The groups as boxes, pulled together by the calls between them and kept
 * apart by their size. Sizes depend on member counts only, so this is the
 * whole first picture: a few dozen bodies, milliseconds.
 */
export function placeGroups(input: LayoutInput, between: Array<[number, number]>): Box[] {
  const sizes = input.groups.map(members => groupSize(members.length));
  const points: Point[] = sizes.map((s, g) => ({
    r: Math.hypot(s.width, s.height) / 2 + 24,
    x: Math.sqrt(g) * 400 * Math.cos(g * 2.4),
    y: Math.sqrt(g) * 400 * Math.sin(g * 2.4),
  }));
  // No repulsion: sizes keep groups apart, calls and the centre pull them in.
  simulate(points, between, { distance: 0, collide: true, charge: 0, pull: 0.1 });
  return sizes.map((s, g) => ({
    x: Math.round(points[g].x! - s.width / 2),
    y: Math.round(points[g].y! - s.height / 2),
    ...s,
  }));
}

/** Members in name order, one grid cell each: what shows until the group is arranged. */
export function gridSlots(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/**
 * The members of one group placed by their calls: a force layout decides
 * who sits near whom, then every member snaps to a cell of the group's
 * grid, rows by height and each row by x. The grid keeps names from
 * overlapping and the group's size fixed; the force keeps callers near
 * their callees. Returns each member's cell.
 */
export function arrangeGroup(count: number, links: Array<[number, number]>): number[] {
  if (links.length === 0) return gridSlots(count);
  const points: Point[] = Array.from({ length: count }, (_, i) => ({
    r: 0,
    x: Math.sqrt(i) * 30 * Math.cos(i * 2.4),
    y: Math.sqrt(i) * 30 * Math.sin(i * 2.4),
  }));
  simulate(points, links, { distance: 40, collide: false, charge: -60, pull: 0.05 });
  const columns = gridColumns(count);
  const byY = [...points.keys()].sort((a, b) => points[a].y! - points[b].y!);
  const slots = new Array<number>(count);
  for (let row = 0; row * columns < count; row++) {
    byY
      .slice(row * columns, (row + 1) * columns)
      .sort((a, b) => points[a].x! - points[b].x!)
      .forEach((member, column) => (slots[member] = row * columns + column));
  }
  return slots;
}

/** Writes the members' centres for their cells. */
export function placeMembers(
  members: number[],
  slots: number[],
  box: Box,
  x: Float64Array,
  y: Float64Array,
) {
  const columns = gridColumns(members.length);
  members.forEach((n, i) => {
    const [cx, cy] = cellCentre(slots[i], columns);
    x[n] = box.x + cx;
    y[n] = box.y + cy;
  });
}
