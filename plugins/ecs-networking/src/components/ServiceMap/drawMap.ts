import { SEVERITIES, type Mechanism, type Severity } from '@ecs-net/plugin-ecs-networking-common';
import { counted } from '../../lib/describe';
import { drawLabels, SMALLEST_DETAIL_PX, strokeLines } from './drawLines';
import { NODE_HEIGHT, NODE_WIDTH, type Box, type LayoutResult } from './layout/layoutTypes';
import type { MapGraph } from './mapGraph';
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

/** Sizes of text on screen, in pixels, where the boxes leave room for them. */
const TITLE_PX = 13;
const DETAIL_PX = 11;
const NAME_PX = 11;
/** The largest name (map units) a service's box holds, with a little air. */
const NAME_MAX = NODE_HEIGHT - 6;
const BADGE_RADIUS = NODE_HEIGHT / 2 - 3;
/** Room (pixels) around the view where lines are still drawn: their width and arrowheads. */
const VIEW_MARGIN = 16;

/** A service's outline: the selected one's, else its worst finding's colour (indexes into drawMap's list). */
const SEVERITY_OUTLINE: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
const SELECTED_OUTLINE = 4;

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

/** The size of services' names at zoom k, or undefined where they are too small to read. */
function nameSize(k: number) {
  return textSize(NAME_PX, NAME_MAX, k);
}

/** Whether a box (map units) shows in width × height pixels. */
function inView(box: Box, view: MapView, width: number, height: number) {
  const left = box.x * view.k + view.x;
  const top = box.y * view.k + view.y;
  return left < width && top < height && left + box.width * view.k > 0 && top + box.height * view.k > 0;
}

/** The groups that show in width × height pixels. */
function groupsInView(scene: MapScene, view: MapView, width: number, height: number): number[] {
  const groups: number[] = [];
  scene.layout.groups.forEach((box, g) => {
    if (inView(box, view, width, height)) groups.push(g);
  });
  return groups;
}

/** Services of `groups` that are open, in view, written into `into`; how many. */
function nodesInView(scene: MapScene, groups: readonly number[], view: MapView, width: number, height: number, into: Int32Array) {
  const { layout, graph, expanded } = scene;
  const left = -view.x / view.k - NODE_WIDTH / 2;
  const top = -view.y / view.k - NODE_HEIGHT / 2;
  const right = (width - view.x) / view.k + NODE_WIDTH / 2;
  const bottom = (height - view.y) / view.k + NODE_HEIGHT / 2;
  let count = 0;
  for (const g of groups) {
    if (!expanded.has(g)) continue;
    for (const n of graph.groups[g].members) {
      const x = layout.x[n];
      const y = layout.y[n];
      if (x > left && x < right && y > top && y < bottom) into[count++] = n;
    }
  }
  return count;
}

/** What a frame shows, for the map's text alternative. */
export interface DrawnMap {
  /** Groups in view. */
  groups: number[];
  /** Services in view whose names are drawn. */
  named: number[];
  /** Services in view drawn as boxes only: too small on screen to name. */
  unnamed: number[];
}

/** What drawMap draws of the scene at `view` in width × height pixels. */
export function drawnAt(scene: MapScene, view: MapView, width: number, height: number): DrawnMap {
  const groups = groupsInView(scene, view, width, height);
  const nodes = new Int32Array(scene.graph.nodes.length);
  const shown = Array.from(nodes.subarray(0, nodesInView(scene, groups, view, width, height, nodes)));
  return nameSize(view.k) ? { groups, named: shown, unnamed: [] } : { groups, named: [], unnamed: shown };
}

/** Services in view, kept from frame to frame rather than made anew. */
let shown = new Int32Array(1024);

/**
 * Draws the map: groups, lines, then services, then the lines' labels,
 * with the level of detail the zoom allows; only what falls inside
 * width × height (pixels, in the transform the caller set) is drawn.
 * Shapes are drawn in map units, text in pixels, so that it is measured
 * and drawn at the size it is seen; `widths` measures it (the page's for
 * the font, unless told otherwise).
 */
export function drawMap(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  view: MapView,
  width: number,
  height: number,
  widths: TextWidths = widthsFor(scene.colors.font),
) {
  const { graph, layout, colors, expanded, selected, neighbours } = scene;
  const { k } = view;
  const pixels = ctx.getTransform();
  const toMap = () => {
    ctx.setTransform(pixels);
    ctx.translate(view.x, view.y);
    ctx.scale(k, k);
  };
  const toPixels = () => ctx.setTransform(pixels);
  const sx = (x: number) => x * k + view.x;
  const sy = (y: number) => y * k + view.y;
  /** Draws `line` cut to `maxWidth`; with `alpha`, on a group's fill (seen at that alpha) first. */
  const text = (line: string, x: number, y: number, maxWidth: number, weight: string, size: number, alpha?: number) => {
    const fitted = widths.fit(line, maxWidth, weight, size);
    if (!fitted) return;
    if (alpha !== undefined) {
      const w = widths.width(fitted, weight, size) + 4;
      const ink = ctx.fillStyle;
      // The group's box as drawn: its fill at its alpha over the background.
      ctx.globalAlpha = 1;
      ctx.fillStyle = colors.background;
      ctx.fillRect(x - w / 2, y - size * 0.65, w, size * 1.3);
      ctx.globalAlpha = alpha;
      ctx.fillStyle = colors.groupFill;
      ctx.fillRect(x - w / 2, y - size * 0.65, w, size * 1.3);
      ctx.fillStyle = ink;
    }
    ctx.fillText(fitted, x, y);
  };

  ctx.save();
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';

  // Groups' boxes; their text comes after the lines.
  const groups = groupsInView(scene, view, width, height);
  const groupAlpha = (g: number) => (neighbours && !expanded.has(g) ? 0.35 : 1);
  toMap();
  ctx.fillStyle = colors.groupFill;
  ctx.strokeStyle = colors.line;
  ctx.lineWidth = 1 / k;
  for (const g of groups) {
    const box = layout.groups[g];
    const open = expanded.has(g);
    ctx.globalAlpha = groupAlpha(g);
    ctx.setLineDash(open ? [] : [6 / k, 4 / k]);
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.width, box.height, 12);
    ctx.fill();
    ctx.stroke();
  }

  // Lines, under the services they join, over the view and a margin.
  toMap();
  const margin = VIEW_MARGIN / k;
  const viewBox = { x: -view.x / k - margin, y: -view.y / k - margin, width: width / k + 2 * margin, height: height / k + 2 * margin };
  const openGroups = groups.filter(g => expanded.has(g));
  const labels = strokeLines(ctx, scene, view, viewBox, openGroups);

  // Group text over the lines, on the group's fill, so that a line
  // between groups passes under it instead of through it: an open group
  // shows its name and where it is above its services; a closed one its
  // name, size, findings and where, centred.
  toPixels();
  ctx.setLineDash([]);
  for (const g of groups) {
    const box = layout.groups[g];
    const group = graph.groups[g];
    const open = expanded.has(g);
    // An open group's header holds two lines; a closed group's box, three.
    const titleSize = textSize(TITLE_PX, open ? 20 : box.height / 5, k);
    const detailSize = textSize(DETAIL_PX, open ? 18 : box.height / 7, k);
    if (!titleSize) continue;
    const details = (
      open
        ? [group.where]
        : [`${counted(group.members.length, 'service')}${group.findings ? ` · ${counted(group.findings, 'finding')}` : ''}`, group.where]
    ).filter(Boolean);
    const cx = sx(box.x + box.width / 2);
    const room = (box.width - 24) * k;
    // A closed group's lines are centred in it, a line height apart.
    const block = titleSize + (detailSize ? details.length * detailSize * 1.4 : 0);
    let y = open ? sy(box.y + 22) : sy(box.y + box.height / 2) - block / 2 + titleSize / 2;
    ctx.globalAlpha = groupAlpha(g);
    ctx.fillStyle = colors.text;
    ctx.font = `600 ${titleSize}px ${colors.font}`;
    text(`${open ? '▾' : '▸'} ${group.title}`, cx, y, room, '600', titleSize, groupAlpha(g));
    if (!detailSize) continue;
    y = open ? sy(box.y + 48) : y + (titleSize + detailSize) / 2 + detailSize * 0.4;
    ctx.fillStyle = colors.muted;
    ctx.font = `${detailSize}px ${colors.font}`;
    for (const line of details) {
      text(line, cx, y, room, 'normal', detailSize, groupAlpha(g));
      y += detailSize * 1.4;
    }
  }

  // Services of open groups: boxes in one path per fill and outline
  // colour, then names and finding badges. Corners too small to see are square.
  if (shown.length < graph.nodes.length) shown = new Int32Array(graph.nodes.length);
  const count = nodesInView(scene, openGroups, view, width, height, shown);
  const radius = 6 * k >= SMALLEST_DETAIL_PX ? 6 : 0;
  const size = nameSize(k);
  const badgeSize = textSize(NAME_PX, BADGE_RADIUS * 1.1, k);
  const fades = (n: number) => neighbours !== undefined && !neighbours.has(n);
  const outlines = [colors.line, colors.severity.info, colors.severity.warning, colors.severity.error, colors.selected];
  const outline = (n: number) => {
    if (n === selected) return SELECTED_OUTLINE;
    const worst = graph.nodes[n].worst;
    return worst ? SEVERITY_OUTLINE[worst] : 0;
  };
  /** A path of the boxes of the services shown that are (not) faded, of one outline or any. */
  const boxes = (faded: boolean, kind?: number) => {
    ctx.beginPath();
    let any = false;
    for (let i = 0; i < count; i++) {
      const n = shown[i];
      if (fades(n) !== faded || (kind !== undefined && outline(n) !== kind)) continue;
      any = true;
      const x = layout.x[n] - NODE_WIDTH / 2;
      const y = layout.y[n] - NODE_HEIGHT / 2;
      if (radius) ctx.roundRect(x, y, NODE_WIDTH, NODE_HEIGHT, radius);
      else ctx.rect(x, y, NODE_WIDTH, NODE_HEIGHT);
    }
    return any;
  };
  ctx.setLineDash([]);
  for (const faded of [true, false]) {
    toMap();
    ctx.globalAlpha = faded ? 0.25 : 1;
    ctx.fillStyle = colors.nodeFill;
    if (!boxes(faded)) continue;
    ctx.fill();
    outlines.forEach((colour, kind) => {
      ctx.strokeStyle = colour;
      ctx.lineWidth = (kind === SELECTED_OUTLINE ? 3 : 1) / Math.max(k, 1);
      if (boxes(faded, kind)) ctx.stroke();
    });
    if (!size) continue;
    // A name beside its badge, both centred in what is left of the box.
    toPixels();
    const badgeRoom = 2 * BADGE_RADIUS + 4;
    ctx.font = `${size}px ${colors.font}`;
    ctx.fillStyle = colors.text;
    for (let i = 0; i < count; i++) {
      const n = shown[i];
      if (fades(n) !== faded) continue;
      const room = NODE_WIDTH - 16 - (graph.nodes[n].worst ? badgeRoom : 0);
      const left = layout.x[n] - NODE_WIDTH / 2 + 8;
      text(graph.nodes[n].name, sx(left + room / 2), sy(layout.y[n]) + 0.5, room * k, 'normal', size);
    }
    // Badges: a path per severity, then their counts once legible.
    const badgeAt = (n: number): [number, number] => [sx(layout.x[n] + NODE_WIDTH / 2 - 8 - BADGE_RADIUS), sy(layout.y[n])];
    for (const severity of SEVERITIES) {
      ctx.fillStyle = colors.severity[severity];
      ctx.beginPath();
      for (let i = 0; i < count; i++) {
        const n = shown[i];
        if (graph.nodes[n].worst !== severity || fades(n) !== faded) continue;
        const [x, y] = badgeAt(n);
        ctx.moveTo(x + BADGE_RADIUS * k, y);
        ctx.arc(x, y, BADGE_RADIUS * k, 0, Math.PI * 2);
      }
      ctx.fill();
    }
    if (!badgeSize) continue;
    ctx.font = `bold ${badgeSize}px ${colors.font}`;
    ctx.fillStyle = colors.background;
    for (let i = 0; i < count; i++) {
      const n = shown[i];
      const { worst, findings } = graph.nodes[n];
      if (!worst || fades(n) !== faded) continue;
      const [x, y] = badgeAt(n);
      ctx.fillText(findings > 99 ? '99+' : String(findings), x, y + 0.5);
    }
  }

  // Labels last, so that no line runs through them.
  toPixels();
  drawLabels(ctx, labels, view, colors, widths);
  ctx.restore();
}
