import {
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import { cellCentre, gridColumns, groupSize } from './gridLayout';
import { CELL_HEIGHT, CELL_WIDTH, type Box, type LayoutInput } from './layoutTypes';
import { packGroups } from './packGroups';

type Point = SimulationNodeDatum;

/** d3-force's default run: alpha from 1 down to its minimum. */
const TICKS = 300;

function simulate(
  points: Point[],
  links: Array<[number, number]>,
  options: { distance: number; charge: number; pull: number },
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
 * The groups as boxes, packed to fill a screen, groups that call each
 * other near each other (see packGroups). Sizes depend on member counts
 * only, so this is the whole first picture, in milliseconds.
 */
export function placeGroups(input: LayoutInput, between: Array<[number, number]>): Box[] {
  return packGroups(input.groups.map(members => groupSize(members.length)), between);
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
    x: Math.sqrt(i) * 30 * Math.cos(i * 2.4),
    y: Math.sqrt(i) * 30 * Math.sin(i * 2.4),
  }));
  simulate(points, links, { distance: 40, charge: -60, pull: 0.05 });
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

/** Writes the members' centres for their cells (see cellCentre), without an array per member. */
export function placeMembers(
  members: number[],
  slots: number[],
  box: Box,
  x: Float64Array,
  y: Float64Array,
) {
  const columns = gridColumns(members.length);
  const [left, top] = cellCentre(0, columns);
  members.forEach((n, i) => {
    x[n] = box.x + left + (slots[i] % columns) * CELL_WIDTH;
    y[n] = box.y + top + Math.floor(slots[i] / columns) * CELL_HEIGHT;
  });
}
