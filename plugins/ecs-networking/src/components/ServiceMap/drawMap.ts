import type { Mechanism, Severity } from '@ecs-net/plugin-ecs-networking-common';
import { counted, MECHANISMS } from '../../lib/describe';
import { NODE_HEIGHT, NODE_WIDTH, type Box, type LayoutResult } from './layout/layoutTypes';
import type { MapGraph } from './mapGraph';
import { labelSpot, lineEndsInto } from './mapGeometry';
import { textSize, TextWidths } from './mapText';
import type { VisibleEdge } from './visibleEdges';

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

/** From this zoom on, every line between services carries its endpoint. */
export const EDGE_LABEL_ZOOM = 0.9;

/** Sizes of text on screen, in pixels, where the boxes leave room for them. */
const TITLE_PX = 13;
const DETAIL_PX = 11;
const NAME_PX = 11;
const LABEL_PX = 11;
/** The largest name (map units) a service's box holds, with a little air. */
const NAME_MAX = NODE_HEIGHT - 6;
const BADGE_RADIUS = NODE_HEIGHT / 2 - 3;
/** Below this size on screen (pixels), an arrowhead or a rounded corner is not seen, and not drawn. */
const SMALLEST_DETAIL_PX = 3;
/** An edge label's box, in pixels. */
const PILL_HEIGHT = 18;
const PILL_PADDING = 5;

/** What one frame drew, for the map's text alternative. */
export interface DrawnMap {
  /** Groups in view. */
  groups: number[];
  /** Services in view whose names were drawn. */
  named: number[];
  /** Services in view drawn as boxes only: too small on screen to name. */
  unnamed: number[];
}

/** Text widths per font family, kept across frames and canvases. */
const textWidths = new Map<string, TextWidths>();

function widthsFor(family: string): TextWidths {
  let widths = textWidths.get(family);
  if (!widths) {
    widths = new TextWidths(family);
    textWidths.set(family, widths);
  }
  return widths;
}

/** Lines' ends, four numbers a line, kept from frame to frame rather than made anew. */
let ends = new Float64Array(1024);

const MECHANISM_INDEX = new Map(MECHANISMS.map((m, i) => [m, i]));

/** Whether a box (map units) shows in width × height pixels. */
function inView(x: number, y: number, w: number, h: number, view: MapView, width: number, height: number) {
  const left = x * view.k + view.x;
  const top = y * view.k + view.y;
  return left < width && top < height && left + w * view.k > 0 && top + h * view.k > 0;
}

/** Adds an arrowhead of `size` at (x2, y2) to the current path. */
function arrowHead(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number, size: number) {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - size * Math.cos(angle - 0.4), y2 - size * Math.sin(angle - 0.4));
  ctx.lineTo(x2 - size * Math.cos(angle + 0.4), y2 - size * Math.sin(angle + 0.4));
  ctx.closePath();
}

/** Boxes placed so far, by 64-pixel cell, to leave out a label that would cover another. */
class Placed {
  private readonly cells = new Map<number, Box[]>();

  private keys(box: Box): number[] {
    const keys: number[] = [];
    for (let cx = Math.floor(box.x / 64); cx <= Math.floor((box.x + box.width) / 64); cx++) {
      for (let cy = Math.floor(box.y / 64); cy <= Math.floor((box.y + box.height) / 64); cy++) {
        keys.push(cx * 100_003 + cy);
      }
    }
    return keys;
  }

  /** Places `box` unless it overlaps a box placed before; says whether it did. */
  place(box: Box): boolean {
    const keys = this.keys(box);
    for (const key of keys) {
      for (const other of this.cells.get(key) ?? []) {
        if (box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height) {
          return false;
        }
      }
    }
    for (const key of keys) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
    return true;
  }
}

interface Label {
  text: string;
  x: number;
  y: number;
  color: string;
  /** Labels of the selected service's lines first, then the busiest. */
  rank: number;
}

/**
 * Draws the map: groups, lines, then services, with the level of detail
 * the zoom allows; only what falls inside width × height (pixels, in the
 * transform the caller set) is drawn. Shapes are drawn in map units,
 * text in pixels, so that it is measured and drawn at the size it is seen;
 * `widths` measures it (the page's for the font, unless told otherwise).
 */
export function drawMap(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  view: MapView,
  width: number,
  height: number,
  widths: TextWidths = widthsFor(scene.colors.font),
): DrawnMap {
  const { graph, layout, colors, expanded, selected, neighbours } = scene;
  const { k } = view;
  const fades = (node: number) => neighbours !== undefined && !neighbours.has(node);
  const pixels = ctx.getTransform();
  const toMap = () => {
    ctx.setTransform(pixels);
    ctx.translate(view.x, view.y);
    ctx.scale(k, k);
  };
  const toPixels = () => ctx.setTransform(pixels);
  const sx = (x: number) => x * k + view.x;
  const sy = (y: number) => y * k + view.y;
  const text = (line: string, x: number, y: number, maxWidth: number, weight: string, size: number) => {
    const fitted = widths.fit(line, maxWidth, weight, size);
    if (fitted) ctx.fillText(fitted, x, y);
  };

  ctx.save();
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';

  // Groups: an open one shows its name and where it is above its
  // services; a closed one its name, size, findings and where, centred.
  const drawnGroups: number[] = [];
  const groupAlpha = (g: number) => (neighbours && !expanded.has(g) ? 0.35 : 1);
  toMap();
  ctx.fillStyle = colors.groupFill;
  ctx.strokeStyle = colors.line;
  ctx.lineWidth = 1 / k;
  layout.groups.forEach((box, g) => {
    if (!inView(box.x, box.y, box.width, box.height, view, width, height)) return;
    drawnGroups.push(g);
    const open = expanded.has(g);
    ctx.globalAlpha = groupAlpha(g);
    ctx.setLineDash(open ? [] : [6 / k, 4 / k]);
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.width, box.height, 12);
    ctx.fill();
    ctx.stroke();
  });
  toPixels();
  for (const g of drawnGroups) {
    const box = layout.groups[g];
    const group = graph.groups[g];
    const open = expanded.has(g);
    const details = (
      open
        ? [group.where]
        : [`${counted(group.members.length, 'service')}${group.findings ? ` · ${counted(group.findings, 'finding')}` : ''}`, group.where]
    ).filter(Boolean);
    // An open group's header holds two lines; a closed group's box, three.
    const titleSize = textSize(TITLE_PX, open ? 20 : box.height / 5, k);
    const detailSize = textSize(DETAIL_PX, open ? 18 : box.height / 7, k);
    if (!titleSize) continue;
    const cx = sx(box.x + box.width / 2);
    const room = (box.width - 24) * k;
    // A closed group's lines are centred in it, a line height apart.
    const block = titleSize + (detailSize ? details.length * detailSize * 1.4 : 0);
    let y = open ? sy(box.y + 22) : sy(box.y + box.height / 2) - block / 2 + titleSize / 2;
    ctx.globalAlpha = groupAlpha(g);
    ctx.fillStyle = colors.text;
    ctx.font = `600 ${titleSize}px ${colors.font}`;
    text(`${open ? '▾' : '▸'} ${group.title}`, cx, y, room, '600', titleSize);
    if (!detailSize) continue;
    y = open ? sy(box.y + 48) : y + (titleSize + detailSize) / 2 + detailSize * 0.4;
    ctx.fillStyle = colors.muted;
    ctx.font = `${detailSize}px ${colors.font}`;
    for (const line of details) {
      text(line, cx, y, room, 'normal', detailSize);
      y += detailSize * 1.4;
    }
  }

  // Lines, under the services they join: one path per look (mechanism,
  // width, faded or not), since a stroke per line costs far more than its
  // segment. Line widths keep their size on screen down to half size, then
  // thin out with the zoom, so that a dense map does not turn to ink;
  // dashes keep theirs, or a zoomed-out line would be thousands of dots to
  // rasterize; arrowheads too small to see are left out.
  toMap();
  const { lines } = scene;
  if (ends.length < lines.length * 4) ends = new Float64Array(lines.length * 8);
  lineEndsInto(scene, ends);
  const px = 1 / Math.max(k, 0.5);
  const arrowSize = 9 * px;
  const arrows = arrowSize * k >= SMALLEST_DETAIL_PX;
  const nameSize = textSize(NAME_PX, NAME_MAX, k);
  const labels: Label[] = [];
  const looks = new Map<number, { mechanism: Mechanism; width: number; alpha: number; lines: number[] }>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const x1 = ends[4 * i];
    const y1 = ends[4 * i + 1];
    const x2 = ends[4 * i + 2];
    const y2 = ends[4 * i + 3];
    if (!inView(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1), view, width, height)) continue;
    const touches = selected !== undefined && (line.from === selected || line.to === selected);
    const faded = neighbours !== undefined && !touches;
    const lineWidth = touches ? 2.5 : Math.min(1 + Math.floor(Math.log2(line.count)), 5);
    const key = MECHANISM_INDEX.get(line.mechanism)! * 1000 + lineWidth * 10 + (faded ? 1 : 0);
    const look = looks.get(key);
    if (look) look.lines.push(i);
    else looks.set(key, { mechanism: line.mechanism, width: lineWidth, alpha: faded ? 0.12 : 0.85, lines: [i] });
    // Lines between services carry their endpoint once it can be read;
    // lines to a closed group carry their call count at any zoom; a label
    // off screen (on a line that only crosses the view) is not drawn.
    if (touches || k >= EDGE_LABEL_ZOOM || line.from < 0 || line.to < 0) {
      const [x, y] = labelSpot(scene, x1, y1, x2, y2);
      if (inView(x - 50 / k, y - PILL_HEIGHT / k, 100 / k, (2 * PILL_HEIGHT) / k, view, width, height)) {
        labels.push({ text: line.label, x, y, color: colors.mechanism[line.mechanism], rank: touches ? Infinity : line.count });
      }
    }
  }
  for (const look of looks.values()) {
    const color = colors.mechanism[look.mechanism];
    ctx.globalAlpha = look.alpha;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = look.width * px;
    ctx.setLineDash(MECHANISM_DASH_PATTERN[look.mechanism].map(d => d / k));
    ctx.beginPath();
    for (const i of look.lines) {
      ctx.moveTo(ends[4 * i], ends[4 * i + 1]);
      ctx.lineTo(ends[4 * i + 2], ends[4 * i + 3]);
    }
    ctx.stroke();
    if (!arrows) continue;
    ctx.beginPath();
    for (const i of look.lines) {
      arrowHead(ctx, ends[4 * i], ends[4 * i + 1], ends[4 * i + 2], ends[4 * i + 3], arrowSize);
    }
    ctx.fill();
  }

  // Services of open groups: boxes in one path per outline colour, then
  // names and finding badges. Corners too small to see are square.
  const shown: number[] = [];
  for (const g of expanded) {
    for (const n of graph.groups[g]?.members ?? []) {
      if (inView(layout.x[n] - NODE_WIDTH / 2, layout.y[n] - NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT, view, width, height)) shown.push(n);
    }
  }
  const radius = 6 * k >= SMALLEST_DETAIL_PX ? 6 : 0;
  const boxes = (nodes: number[]) => {
    ctx.beginPath();
    for (const n of nodes) {
      const x = layout.x[n] - NODE_WIDTH / 2;
      const y = layout.y[n] - NODE_HEIGHT / 2;
      if (radius) ctx.roundRect(x, y, NODE_WIDTH, NODE_HEIGHT, radius);
      else ctx.rect(x, y, NODE_WIDTH, NODE_HEIGHT);
    }
  };
  const outline = (n: number) => {
    if (n === selected) return colors.selected;
    const worst = graph.nodes[n].worst;
    return worst ? colors.severity[worst] : colors.line;
  };
  ctx.setLineDash([]);
  for (const faded of [true, false]) {
    const nodes = shown.filter(n => fades(n) === faded);
    if (nodes.length === 0) continue;
    toMap();
    ctx.globalAlpha = faded ? 0.25 : 1;
    ctx.fillStyle = colors.nodeFill;
    boxes(nodes);
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
      ctx.lineWidth = (colour === colors.selected ? 3 : 1) / Math.max(k, 1);
      boxes(list);
      ctx.stroke();
    }
    if (!nameSize) continue;
    // A name beside its badge, both centred in what is left of the box.
    toPixels();
    const badgeRoom = 2 * BADGE_RADIUS + 4;
    ctx.font = `${nameSize}px ${colors.font}`;
    ctx.fillStyle = colors.text;
    for (const n of nodes) {
      const room = NODE_WIDTH - 16 - (graph.nodes[n].worst ? badgeRoom : 0);
      const left = layout.x[n] - NODE_WIDTH / 2 + 8;
      text(graph.nodes[n].name, sx(left + room / 2), sy(layout.y[n]) + 0.5, room * k, 'normal', nameSize);
    }
    const badgeRadius = BADGE_RADIUS * k;
    ctx.font = `bold ${badgeRadius * 1.1}px ${colors.font}`;
    for (const n of nodes) {
      const node = graph.nodes[n];
      if (!node.worst) continue;
      const x = sx(layout.x[n] + NODE_WIDTH / 2 - 8 - BADGE_RADIUS);
      const y = sy(layout.y[n]);
      ctx.fillStyle = colors.severity[node.worst];
      ctx.beginPath();
      ctx.arc(x, y, badgeRadius, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = colors.background;
      ctx.fillText(node.findings > 99 ? '99+' : String(node.findings), x, y + 0.5);
    }
  }

  // Labels last, on a background of their own, so no line runs through
  // them; one that would cover another is left out until the zoom makes room.
  toPixels();
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
  ctx.font = `${LABEL_PX}px ${colors.font}`;
  const placed = new Placed();
  labels.sort((a, b) => b.rank - a.rank);
  for (const label of labels) {
    const w = widths.width(label.text, 'normal', LABEL_PX) + 2 * PILL_PADDING;
    const x = sx(label.x);
    const y = sy(label.y);
    const pill = { x: x - w / 2, y: y - PILL_HEIGHT / 2, width: w, height: PILL_HEIGHT };
    if (!placed.place(pill)) continue;
    ctx.fillStyle = colors.background;
    ctx.strokeStyle = label.color;
    ctx.beginPath();
    ctx.roundRect(pill.x, pill.y, pill.width, pill.height, PILL_HEIGHT / 2);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = colors.text;
    ctx.fillText(label.text, x, y + 0.5);
  }
  ctx.restore();
  return nameSize
    ? { groups: drawnGroups, named: shown, unnamed: [] }
    : { groups: drawnGroups, named: [], unnamed: shown };
}
