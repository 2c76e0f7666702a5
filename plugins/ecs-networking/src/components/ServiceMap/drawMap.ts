import type { Mechanism, Severity } from '@ecs-net/plugin-ecs-networking-common';
import { gridColumns } from './layout/gridLayout';
import {
  CELL_HEIGHT,
  CELL_WIDTH,
  GROUP_HEADER,
  GROUP_PADDING,
  NODE_HEIGHT,
  NODE_WIDTH,
  type Box,
  type LayoutResult,
} from './layout/layoutTypes';
import type { MapGraph } from './mapGraph';
import { anchorGroup, type VisibleEdge } from './visibleEdges';

/** Map units to screen pixels: screen = world × k + (x, y). */
export interface MapView {
  x: number;
  y: number;
  k: number;
}

export interface MapColors {
  background: string;
  text: string;
  muted: string;
  line: string;
  groupFill: string;
  nodeFill: string;
  selected: string;
  severity: Record<Severity, string>;
  mechanism: Record<Mechanism, string>;
  font: string;
}

export interface MapScene {
  graph: MapGraph;
  layout: LayoutResult;
  lines: VisibleEdge[];
  expanded: ReadonlySet<number>;
  /** The selected node and its callers and callees; everything else fades. */
  selected?: number;
  neighbours?: ReadonlySet<number>;
  colors: MapColors;
}

/** Dash patterns in pixels, as the entity page's legend draws them. */
export const MECHANISM_DASH_PATTERN: Record<Mechanism, number[]> = {
  connect: [],
  dns: [8, 4],
  'http-api': [2, 4],
  'load-balancer': [10, 4, 2, 4],
  lattice: [1, 3],
};

/** Below this zoom, names are too small to read and are left out. */
export const LABEL_ZOOM = 0.45;
/** From this zoom on, every line between services carries its endpoint. */
export const EDGE_LABEL_ZOOM = 0.9;

const NAME_CHARS = 21;

/** A name cut to fit its box; the full name is in the details and the export. */
export function shortName(name: string): string {
  return name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name;
}

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

/** Whether map point (x, y) falls on a service's box: its group's grid says, without a search. */
function onService(scene: MapScene, x: number, y: number): boolean {
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

/** Where a line's label goes: its middle, or the nearest point along it clear of services. */
function labelSpot(scene: MapScene, x1: number, y1: number, x2: number, y2: number): [number, number] {
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const x = x1 + (x2 - x1) * t;
    const y = y1 + (y2 - y1) * t;
    if (!onService(scene, x, y)) return [x, y];
  }
  return [(x1 + x2) / 2, (y1 + y2) / 2];
}

function visible(box: Box, view: MapView, width: number, height: number) {
  const left = box.x * view.k + view.x;
  const top = box.y * view.k + view.y;
  return left < width && top < height && left + box.width * view.k > 0 && top + box.height * view.k > 0;
}

function roundRect(ctx: CanvasRenderingContext2D, box: Box, radius: number) {
  ctx.beginPath();
  ctx.roundRect(box.x, box.y, box.width, box.height, radius);
}

/** A label on a background of its own; `s` scales it to stay legible when zoomed out. */
function pill(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, s: number, colors: MapColors, stroke: string) {
  const width = ctx.measureText(text).width + 10 * s;
  ctx.fillStyle = colors.background;
  ctx.strokeStyle = stroke;
  ctx.setLineDash([]);
  ctx.lineWidth = s;
  roundRect(ctx, { x: x - width / 2, y: y - 9 * s, width, height: 18 * s }, 9 * s);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = colors.text;
  ctx.fillText(text, x, y + 0.5);
}

/** Adds an arrowhead at (x2, y2) to the current path. */
function arrowHead(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number) {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - 9 * Math.cos(angle - 0.4), y2 - 9 * Math.sin(angle - 0.4));
  ctx.lineTo(x2 - 9 * Math.cos(angle + 0.4), y2 - 9 * Math.sin(angle + 0.4));
  ctx.closePath();
}

function badge(ctx: CanvasRenderingContext2D, count: number, severity: Severity, x: number, y: number, colors: MapColors) {
  ctx.fillStyle = colors.severity[severity];
  ctx.beginPath();
  ctx.arc(x, y, 9, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = colors.background;
  ctx.fillText(count > 99 ? '99+' : String(count), x, y + 0.5);
}

/**
 * Draws the map in map units (the caller sets the transform): groups,
 * lines, then services, with the level of detail the zoom allows. Only
 * what falls inside width × height (in pixels) is drawn.
 */
export function drawMap(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  view: MapView,
  width: number,
  height: number,
) {
  const { graph, layout, colors, expanded, selected, neighbours } = scene;
  const fades = (node: number) => neighbours !== undefined && !neighbours.has(node);
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  ctx.translate(view.x, view.y);
  ctx.scale(view.k, view.k);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';

  // Groups: a collapsed one shows its name, size and worst finding.
  layout.groups.forEach((box, g) => {
    if (!visible(box, view, width, height)) return;
    const group = graph.groups[g];
    const open = expanded.has(g);
    ctx.globalAlpha = neighbours && !open ? 0.35 : 1;
    ctx.fillStyle = colors.groupFill;
    ctx.strokeStyle = colors.line;
    ctx.lineWidth = 1 / view.k;
    ctx.setLineDash(open ? [] : [6 / view.k, 4 / view.k]);
    roundRect(ctx, box, 12);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = colors.text;
    const size = Math.max(16, 14 / view.k);
    ctx.font = `600 ${size}px ${colors.font}`;
    const titleY = open ? box.y + 24 : box.y + box.height / 2 - size * 0.7;
    const where = group.where ? ` · ${group.where}` : '';
    ctx.fillText(`${open ? '▾' : '▸'} ${group.title}${open ? where : ''}`, box.x + box.width / 2, titleY, box.width - 24);
    if (!open) {
      ctx.font = `${size * 0.8}px ${colors.font}`;
      ctx.fillStyle = colors.muted;
      const findings = group.findings ? ` · ${group.findings} finding${group.findings === 1 ? '' : 's'}` : '';
      ctx.fillText(`${group.members.length} service${group.members.length === 1 ? '' : 's'}${findings}${where}`, box.x + box.width / 2, titleY + size * 1.4, box.width - 24);
    }
  });

  // Lines, under the services they join: one path per look (mechanism,
  // width, faded or not), since a stroke per line costs far more than its segment.
  const labels: Array<[string, number, number, string]> = [];
  const looks = new Map<string, { mechanism: Mechanism; width: number; alpha: number; lines: number[] }>();
  const ends = scene.lines.map(line => lineEnds(scene, line));
  scene.lines.forEach((line, i) => {
    const { x1, y1, x2, y2 } = ends[i];
    const minX = Math.min(x1, x2) * view.k + view.x;
    const minY = Math.min(y1, y2) * view.k + view.y;
    const maxX = Math.max(x1, x2) * view.k + view.x;
    const maxY = Math.max(y1, y2) * view.k + view.y;
    if (maxX < 0 || maxY < 0 || minX > width || minY > height) return;
    const touches = selected !== undefined && (line.from === selected || line.to === selected);
    const alpha = neighbours && !touches ? 0.12 : 0.85;
    const lineWidth = touches ? 2.5 : Math.min(1 + Math.floor(Math.log2(line.count)), 5);
    const key = `${line.mechanism} ${lineWidth} ${alpha}`;
    const look = looks.get(key);
    if (look) look.lines.push(i);
    else looks.set(key, { mechanism: line.mechanism, width: lineWidth, alpha, lines: [i] });
    // Lines between services carry their endpoint once it can be read;
    // lines to a collapsed group carry their call count at any zoom.
    if (touches || view.k >= EDGE_LABEL_ZOOM || line.from < 0 || line.to < 0) {
      labels.push([line.label, ...labelSpot(scene, x1, y1, x2, y2), colors.mechanism[line.mechanism]]);
    }
  });
  const px = 1 / Math.max(view.k, 0.5);
  for (const look of looks.values()) {
    const color = colors.mechanism[look.mechanism];
    ctx.globalAlpha = look.alpha;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = look.width * px;
    ctx.setLineDash(MECHANISM_DASH_PATTERN[look.mechanism].map(d => d * px));
    ctx.beginPath();
    for (const i of look.lines) {
      const { x1, y1, x2, y2 } = ends[i];
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
    }
    ctx.stroke();
    ctx.beginPath();
    for (const i of look.lines) {
      const { x1, y1, x2, y2 } = ends[i];
      arrowHead(ctx, x1, y1, x2, y2);
    }
    ctx.fill();
  }
  ctx.globalAlpha = 1;

  // Services of expanded groups: boxes in one path per outline colour, then names.
  const showNames = view.k >= LABEL_ZOOM;
  const shown: number[] = [];
  for (const g of expanded) {
    for (const n of graph.groups[g]?.members ?? []) {
      if (visible(anchorBox(scene, n), view, width, height)) shown.push(n);
    }
  }
  const outline = (n: number) => {
    if (n === selected) return colors.selected;
    const worst = graph.nodes[n].worst;
    return worst ? colors.severity[worst] : colors.line;
  };
  ctx.setLineDash([]);
  for (const faded of [true, false]) {
    const nodes = shown.filter(n => fades(n) === faded);
    if (nodes.length === 0) continue;
    ctx.globalAlpha = faded ? 0.25 : 1;
    ctx.fillStyle = colors.nodeFill;
    ctx.beginPath();
    for (const n of nodes) {
      const box = anchorBox(scene, n);
      ctx.roundRect(box.x, box.y, box.width, box.height, 6);
    }
    ctx.fill();
    const byOutline = new Map<string, number[]>();
    for (const n of nodes) {
      const colour = outline(n);
      const list = byOutline.get(colour);
      if (list) list.push(n);
      else byOutline.set(colour, [n]);
    }
    for (const [colour, list] of byOutline) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = colour === colors.selected ? 3 : 1;
      ctx.beginPath();
      for (const n of list) {
        const box = anchorBox(scene, n);
        ctx.roundRect(box.x, box.y, box.width, box.height, 6);
      }
      ctx.stroke();
    }
    if (!showNames) continue;
    for (const n of nodes) {
      const box = anchorBox(scene, n);
      const node = graph.nodes[n];
      ctx.font = `12px ${colors.font}`;
      ctx.fillStyle = colors.text;
      ctx.fillText(shortName(node.name), box.x + box.width / 2 - (node.worst ? 8 : 0), box.y + box.height / 2 + 0.5, box.width - (node.worst ? 30 : 12));
      if (node.worst) {
        ctx.font = `bold 10px ${colors.font}`;
        badge(ctx, node.findings, node.worst, box.x + box.width - 12, box.y + box.height / 2, colors);
      }
    }
  }

  // Labels last, on a background of their own, so no line runs through them.
  ctx.globalAlpha = 1;
  const s = 1 / Math.min(view.k, 1);
  ctx.font = `${11 * s}px ${colors.font}`;
  for (const [text, x, y, color] of labels) pill(ctx, text, x, y, s, colors, color);
  ctx.restore();
}
