import type { Edge, Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import { endpointNameFromId } from '../../lib/arns';
import { MECHANISMS } from '../../lib/describe';

export const NODE_WIDTH = 184;
/** Room for a name, an owner and a findings badge. */
export const NODE_HEIGHT = 56;
const ROW_GAP = 14;
const PADDING = 12;
/** Apart from each other, the ends of a node's labelled lines: more than a label is high. */
const PORT_STEP = 22;
export const LABEL_HEIGHT = 16;
/** Characters of an endpoint label before it is cut; the whole is in its title. */
const LABEL_CHARS = 30;
/** A label's character width: 11 px monospace is 0.6 em, with a margin. */
export const LABEL_CHAR_WIDTH = 7;
const LABEL_PADDING = 5;
/** Room between a label and the node it is next to (an arrowhead's length on the callee side). */
const LABEL_GAP = { start: 6, end: 12 };
/** What a line needs to bend from one row to another, past the labels. */
const BEND = 64;
/** Beyond this many services a column ends in "+N more". */
const MAX_PEERS = 12;

export type Hops = 1 | 2;

export interface Point {
  x: number;
  y: number;
}

export interface GraphNode {
  key: string;
  /** Service ARN; absent for the "+N more" node. */
  arn?: string;
  more?: number;
  /** −2 … 2: callers' callers, callers, the service, callees, callees' callees. */
  column: number;
  x: number;
  y: number;
  height: number;
}

export interface GraphLine {
  key: string;
  mechanism: Mechanism;
  /** Endpoint names the calls go through, and what of it fits the label. */
  label: string;
  shown: string;
  caller: string;
  callee: string;
  hops: Hops;
  /**
   * The line: straight from `from` to `bendFrom`, a curve to `bendTo`,
   * straight to `to`. The straight stretch at the end away from the
   * service carries the label; nothing else runs there.
   */
  from: Point;
  bendFrom: Point;
  bendTo: Point;
  to: Point;
  labelBox: { x: number; y: number; width: number; height: number };
}

export interface NeighbourhoodLayout {
  width: number;
  height: number;
  nodes: GraphNode[];
  lines: GraphLine[];
}

/** The SVG path of a line. */
export function linePath(line: GraphLine): string {
  const { from, bendFrom, bendTo, to } = line;
  const mid = (bendFrom.x + bendTo.x) / 2;
  return `M ${from.x} ${from.y} L ${bendFrom.x} ${bendFrom.y} C ${mid} ${bendFrom.y}, ${mid} ${bendTo.y}, ${bendTo.x} ${bendTo.y} L ${to.x} ${to.y}`;
}

interface Link {
  caller: string;
  callee: string;
  mechanism: Mechanism;
  endpoints: string[];
  hops: Hops;
  /** Columns of the caller and the callee; the callee's is one more. */
  column: number;
}

/** One link per caller, callee and mechanism, with the endpoints it goes through. */
function linksOf(edges: Edge[], hops: Hops, columnOf: (edge: Edge) => number | undefined): Link[] {
  const links = new Map<string, Link>();
  for (const edge of edges) {
    const column = columnOf(edge);
    if (column === undefined) continue;
    const key = `${edge.from} ${edge.to} ${edge.mechanism}`;
    const endpoint = endpointNameFromId(edge.endpointId);
    const link = links.get(key);
    if (!link) {
      links.set(key, { caller: edge.from, callee: edge.to, mechanism: edge.mechanism, endpoints: [endpoint], hops, column });
    } else if (!link.endpoints.includes(endpoint)) {
      link.endpoints.push(endpoint);
    }
  }
  return [...links.values()].sort(
    (a, b) => MECHANISMS.indexOf(a.mechanism) - MECHANISMS.indexOf(b.mechanism),
  );
}

function cutLabel(label: string): string {
  const chars = Array.from(label);
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : label;
}

function labelWidth(shown: string): number {
  return Array.from(shown).length * LABEL_CHAR_WIDTH + 2 * LABEL_PADDING;
}

/**
 * The service in the middle, its callers left and its callees right, one
 * line per caller, callee and mechanism; with two hops, the callers'
 * callers and the callees' callees further out (`estateEdges` holds their
 * calls). Every line leaves the node further from the service on a
 * straight stretch of its own, a row's port apart from the next, and its
 * label sits there: no other line crosses a label. The curves between
 * rows are drawn past the labels.
 */
export function layoutNeighbourhood(options: {
  serviceArn: string;
  inbound: Edge[];
  outbound: Edge[];
  hops: Hops;
  estateEdges?: Edge[];
}): NeighbourhoodLayout {
  const { serviceArn, inbound, outbound, hops, estateEdges = [] } = options;
  const callers = [...new Set(inbound.map(e => e.from))];
  const callees = [...new Set(outbound.map(e => e.to))];
  const columns = new Map<number, string[]>([
    [-1, callers],
    [0, [serviceArn]],
    [1, callees],
  ]);
  const links = [
    ...linksOf(inbound, 1, () => -1),
    ...linksOf(outbound, 1, () => 0),
  ];
  if (hops === 2) {
    // Two hops out: who calls a caller, and whom a callee calls, that is
    // not the service itself or already one hop away on that side.
    const inCallers = new Set(callers);
    const inCallees = new Set(callees);
    const far = linksOf(estateEdges, 2, edge => {
      if (inCallers.has(edge.to) && edge.from !== serviceArn && !inCallers.has(edge.from)) return -2;
      if (inCallees.has(edge.from) && edge.to !== serviceArn && !inCallees.has(edge.to)) return 1;
      return undefined;
    });
    columns.set(-2, farColumn(far.filter(l => l.column === -2), l => l.caller, l => l.callee, callers));
    columns.set(2, farColumn(far.filter(l => l.column === 1), l => l.callee, l => l.caller, callees));
    links.push(...far);
  }

  // Columns past MAX_PEERS end in "+N more"; links to what is left out go.
  const nodes: GraphNode[] = [];
  const nodeOf = new Map<string, GraphNode>();
  // A side with no one on it takes no room.
  const order = [...columns.keys()].filter(c => c === 0 || columns.get(c)!.length > 0).sort((a, b) => a - b);
  for (const column of order) {
    const arns = columns.get(column)!;
    const shown = arns.length > MAX_PEERS + 1 ? arns.slice(0, MAX_PEERS) : arns;
    for (const arn of shown) {
      const node: GraphNode = { key: `${column} ${arn}`, arn, column, x: 0, y: 0, height: NODE_HEIGHT };
      nodes.push(node);
      nodeOf.set(node.key, node);
    }
    if (shown.length < arns.length) {
      nodes.push({ key: `${column} more`, more: arns.length - shown.length, column, x: 0, y: 0, height: NODE_HEIGHT });
    }
  }
  const ends = links.flatMap(link => {
    const caller = nodeOf.get(`${link.column} ${link.caller}`);
    const callee = nodeOf.get(`${link.column + 1} ${link.callee}`);
    if (!caller || !callee) return [];
    // The end further from the service carries the label.
    const outer = link.column < 0 ? caller : callee;
    const inner = link.column < 0 ? callee : caller;
    const shown = cutLabel(link.endpoints.join(', '));
    return [{ link, caller, callee, outer, inner, shown }];
  });

  // Heights: a node holds the labelled ends of its lines a port apart.
  const outerEnds = (node: GraphNode) => ends.filter(e => e.outer === node);
  for (const node of nodes) {
    node.height = Math.max(NODE_HEIGHT, outerEnds(node).length * PORT_STEP + 12);
  }
  const columnHeight = (column: number) =>
    nodes.filter(n => n.column === column).reduce((sum, n) => sum + n.height + ROW_GAP, -ROW_GAP);
  const height = Math.max(...order.map(columnHeight)) + 2 * PADDING;

  // Each gap is as wide as its widest label, and room to bend.
  const gapAfter = new Map<number, number>();
  for (const column of order.slice(0, -1)) {
    const widest = Math.max(0, ...ends.filter(e => e.link.column === column).map(e => labelWidth(e.shown)));
    gapAfter.set(column, LABEL_GAP.start + widest + LABEL_GAP.end + BEND);
  }
  let x = PADDING;
  for (const column of order) {
    let y = (height - columnHeight(column)) / 2;
    for (const node of nodes.filter(n => n.column === column)) {
      node.x = x;
      node.y = y;
      y += node.height + ROW_GAP;
    }
    x += NODE_WIDTH + (gapAfter.get(column) ?? 0);
  }
  const width = x + PADDING;

  // Ports: the labelled ends a port apart, the other ends closer, both in
  // the order of the rows they lead to so that lines leave without crossing.
  const middle = (node: GraphNode) => node.y + node.height / 2;
  const ports = new Map<(typeof ends)[number], { outer: number; inner: number }>();
  for (const node of nodes) {
    const mine = outerEnds(node).sort((a, b) => middle(a.inner) - middle(b.inner));
    mine.forEach((end, i) => {
      ports.set(end, { outer: middle(node) + (i - (mine.length - 1) / 2) * PORT_STEP, inner: 0 });
    });
  }
  for (const node of nodes) {
    const mine = ends.filter(e => e.inner === node).sort((a, b) => middle(a.outer) - middle(b.outer));
    const step = Math.min(PORT_STEP / 2, (node.height - 16) / Math.max(mine.length - 1, 1));
    mine.forEach((end, i) => {
      ports.get(end)!.inner = middle(node) + (i - (mine.length - 1) / 2) * step;
    });
  }

  const lines: GraphLine[] = ends.map(end => {
    const { link, caller, callee, shown } = end;
    const port = ports.get(end)!;
    const from = { x: caller.x + NODE_WIDTH, y: link.column < 0 ? port.outer : port.inner };
    const to = { x: callee.x, y: link.column < 0 ? port.inner : port.outer };
    const straight = gapAfter.get(link.column)! - BEND;
    const boxWidth = labelWidth(shown);
    const labelBox =
      link.column < 0
        ? { x: from.x + LABEL_GAP.start, y: from.y - LABEL_HEIGHT / 2, width: boxWidth, height: LABEL_HEIGHT }
        : { x: to.x - LABEL_GAP.end - boxWidth, y: to.y - LABEL_HEIGHT / 2, width: boxWidth, height: LABEL_HEIGHT };
    return {
      key: `${link.column} ${link.caller} ${link.callee} ${link.mechanism}`,
      mechanism: link.mechanism,
      label: link.endpoints.join(', '),
      shown,
      caller: link.caller,
      callee: link.callee,
      hops: link.hops,
      from,
      bendFrom: link.column < 0 ? { x: from.x + straight, y: from.y } : from,
      bendTo: link.column < 0 ? to : { x: to.x - straight, y: to.y },
      to,
      labelBox,
    };
  });
  return { width, height, nodes, lines };
}

/**
 * A far column (two hops out): the services with the most links first, up
 * to what the column shows, then in the order of the rows they link to, so
 * that few lines cross.
 */
function farColumn(
  links: Link[],
  far: (link: Link) => string,
  near: (link: Link) => string,
  nearColumn: string[],
): string[] {
  const rows = new Map<string, number[]>();
  for (const link of links) {
    const list = rows.get(far(link)) ?? [];
    list.push(nearColumn.indexOf(near(link)));
    rows.set(far(link), list);
  }
  const mean = (arn: string) => rows.get(arn)!.reduce((a, b) => a + b, 0) / rows.get(arn)!.length;
  const busiest = [...rows.keys()].sort((a, b) => rows.get(b)!.length - rows.get(a)!.length);
  const fits = busiest.length > MAX_PEERS + 1 ? MAX_PEERS : busiest.length;
  return [...busiest.slice(0, fits).sort((a, b) => mean(a) - mean(b)), ...busiest.slice(fits)];
}
