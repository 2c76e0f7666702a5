import type { Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import { MECHANISMS } from '../../lib/describe';
import { MECHANISM_DASH_PATTERN } from '../shared/mechanismStyle';
import type { Box } from './layout/layoutTypes';
import type { MapColors, MapScene, MapView } from './drawMap';
import { clipSegment, labelSpot, lineEndsInto, type Clip } from './mapGeometry';
import type { TextWidths } from './mapText';

/** From this zoom on, every line between services carries its endpoint. */
const EDGE_LABEL_ZOOM = 0.9;
/** Below this size on screen (pixels), an arrowhead or a rounded corner is not seen, and not drawn. */
export const SMALLEST_DETAIL_PX = 3;
/**
 * Dashes a frame draws at most: each is a shape to rasterize, and a dense
 * map zoomed out would otherwise be hundreds of thousands. Past it the
 * patterns grow longer (by powers of two, so that they do not flicker as
 * the view moves) and keep their shapes.
 */
export const DASH_BUDGET = 20_000;
/** Edge labels' text size and box, in pixels. */
const LABEL_PX = 11;
const PILL_HEIGHT = 18;
const PILL_PADDING = 5;

/** An endpoint or call-count label, in map units. */
export interface EdgeLabel {
  text: string;
  x: number;
  y: number;
  color: string;
  /** Labels of the selected service's lines first, then the busiest. */
  rank: number;
}

interface Look {
  mechanism: Mechanism;
  width: number;
  alpha: number;
  /** Where its lines start in `order`, and how many. */
  start: number;
  count: number;
}

/**
 * Kept from frame to frame rather than made anew, a line's worth of
 * numbers each: its ends (4), the part of it in view (2), its look, and
 * the lines in look order.
 */
let ends = new Float64Array(4096);
let clips = new Float64Array(2048);
let lookOf = new Int32Array(1024);
let order = new Int32Array(1024);
const clip: Clip = { t0: 0, t1: 1 };

function makeRoom(lines: number) {
  if (lookOf.length >= lines) return;
  const size = Math.max(lines, 2 * lookOf.length);
  ends = new Float64Array(4 * size);
  clips = new Float64Array(2 * size);
  lookOf = new Int32Array(size);
  order = new Int32Array(size);
}

const MECHANISM_INDEX = new Map(MECHANISMS.map((m, i) => [m, i]));
const PATTERN_LENGTH = Object.fromEntries(
  MECHANISMS.map(m => [m, MECHANISM_DASH_PATTERN[m].reduce((a, b) => a + b, 0)]),
) as Record<Mechanism, number>;

/** Adds an arrowhead of `size` at (x2, y2) to the current path. */
function arrowHead(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number, size: number) {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - size * Math.cos(angle - 0.4), y2 - size * Math.sin(angle - 0.4));
  ctx.lineTo(x2 - size * Math.cos(angle + 0.4), y2 - size * Math.sin(angle + 0.4));
  ctx.closePath();
}

/**
 * Strokes the lines (the context in map units) over the part of them in
 * `viewBox` (map units), and gives the labels they carry in view.
 *
 * One path per look (mechanism, width, faded or not), since a stroke per
 * line costs far more than its segment. Line widths keep their size on
 * screen down to half size, then thin out with the zoom, so that a dense
 * map does not turn to ink; dash patterns keep theirs (see DASH_BUDGET);
 * a line is cut to the view at a whole number of patterns from its start,
 * so its dashes stay put as the view moves; arrowheads too small to see
 * are left out. `openGroups` (open groups in view) hold the services
 * labels keep clear of.
 */
export function strokeLines(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  view: MapView,
  viewBox: Box,
  openGroups: readonly number[],
): EdgeLabel[] {
  const { lines, selected, neighbours, colors } = scene;
  const { k } = view;
  makeRoom(lines.length);
  lineEndsInto(scene, ends);
  const px = 1 / Math.max(k, 0.5);
  const arrowSize = 9 * px;
  const arrows = arrowSize * k >= SMALLEST_DETAIL_PX;
  const labelRoom = { x: viewBox.x - 50 / k, y: viewBox.y - PILL_HEIGHT / k, width: viewBox.width + 100 / k, height: viewBox.height + (2 * PILL_HEIGHT) / k };

  const looks: Look[] = [];
  const lookByKey = new Map<number, number>();
  const labels: EdgeLabel[] = [];
  // Dashes the patterns would make on screen, in pixels of pattern.
  let dashes = 0;
  for (let i = 0; i < lines.length; i++) {
    const x1 = ends[4 * i];
    const y1 = ends[4 * i + 1];
    const x2 = ends[4 * i + 2];
    const y2 = ends[4 * i + 3];
    lookOf[i] = -1;
    if (!clipSegment(x1, y1, x2, y2, viewBox, clip)) continue;
    clips[2 * i] = clip.t0;
    clips[2 * i + 1] = clip.t1;
    const line = lines[i];
    const touches = selected !== undefined && (line.from === selected || line.to === selected);
    const faded = neighbours !== undefined && !touches;
    const width = touches ? 2.5 : Math.min(1 + Math.floor(Math.log2(line.count)), 5);
    const key = MECHANISM_INDEX.get(line.mechanism)! * 1000 + width * 10 + (faded ? 1 : 0);
    let look = lookByKey.get(key);
    if (look === undefined) {
      look = looks.length;
      lookByKey.set(key, look);
      looks.push({ mechanism: line.mechanism, width, alpha: faded ? 0.12 : 0.85, start: 0, count: 0 });
    }
    lookOf[i] = look;
    looks[look].count++;
    const pattern = PATTERN_LENGTH[line.mechanism];
    if (pattern) dashes += ((clip.t1 - clip.t0) * Math.sqrt((x2 - x1) ** 2 + (y2 - y1) ** 2) * k) / pattern;
    // Lines between services carry their endpoint once it can be read;
    // lines to a closed group carry their call count at any zoom; a label
    // off screen (on a line that only crosses the view) is not drawn.
    if (touches || k >= EDGE_LABEL_ZOOM || line.from < 0 || line.to < 0) {
      const [x, y] = labelSpot(scene, openGroups, x1, y1, x2, y2);
      if (x >= labelRoom.x && y >= labelRoom.y && x <= labelRoom.x + labelRoom.width && y <= labelRoom.y + labelRoom.height) {
        labels.push({ text: line.label, x, y, color: colors.mechanism[line.mechanism], rank: touches ? Infinity : line.count });
      }
    }
  }

  // The lines in look order (a counting sort), then a path per look.
  let start = 0;
  for (const look of looks) {
    look.start = start;
    start += look.count;
    look.count = 0;
  }
  for (let i = 0; i < lines.length; i++) {
    const look = lookOf[i] >= 0 ? looks[lookOf[i]] : undefined;
    if (look) order[look.start + look.count++] = i;
  }
  const stretch = dashes > DASH_BUDGET ? 2 ** Math.ceil(Math.log2(dashes / DASH_BUDGET)) : 1;
  for (const look of looks) {
    const color = colors.mechanism[look.mechanism];
    const period = (PATTERN_LENGTH[look.mechanism] * stretch) / k;
    ctx.globalAlpha = look.alpha;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = look.width * px;
    ctx.setLineDash(MECHANISM_DASH_PATTERN[look.mechanism].map(d => (d * stretch) / k));
    ctx.beginPath();
    for (let j = look.start; j < look.start + look.count; j++) {
      const i = order[j];
      const x1 = ends[4 * i];
      const y1 = ends[4 * i + 1];
      const dx = ends[4 * i + 2] - x1;
      const dy = ends[4 * i + 3] - y1;
      let t0 = clips[2 * i];
      if (period > 0 && t0 > 0) {
        const length = Math.sqrt(dx * dx + dy * dy);
        t0 = (Math.floor((t0 * length) / period) * period) / length;
      }
      const t1 = clips[2 * i + 1];
      ctx.moveTo(x1 + dx * t0, y1 + dy * t0);
      ctx.lineTo(x1 + dx * t1, y1 + dy * t1);
    }
    ctx.stroke();
    if (!arrows) continue;
    // An arrowhead where the line ends in view.
    ctx.beginPath();
    for (let j = look.start; j < look.start + look.count; j++) {
      const i = order[j];
      if (clips[2 * i + 1] < 1) continue;
      arrowHead(ctx, ends[4 * i], ends[4 * i + 1], ends[4 * i + 2], ends[4 * i + 3], arrowSize);
    }
    ctx.fill();
  }
  ctx.setLineDash([]);
  return labels;
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

/**
 * Draws the labels (the context in pixels), each on a background of its
 * own so that no line runs through it; one that would cover another is
 * left out until the zoom makes room, the selected service's and the
 * busiest lines' first.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  labels: EdgeLabel[],
  view: MapView,
  colors: MapColors,
  widths: TextWidths,
) {
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
  ctx.font = `${LABEL_PX}px ${colors.font}`;
  const placed = new Placed();
  labels.sort((a, b) => b.rank - a.rank);
  for (const label of labels) {
    const w = widths.width(label.text, 'normal', LABEL_PX) + 2 * PILL_PADDING;
    const x = label.x * view.k + view.x;
    const y = label.y * view.k + view.y;
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
}
