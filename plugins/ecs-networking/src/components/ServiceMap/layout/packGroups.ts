import type { Box } from './layoutTypes';

/** Room between two groups' boxes. */
export const GROUP_GAP = 24;
/** The shape of the map's frame on a common screen, width over height. */
export const SCREEN_SHAPE = 1.5;
/** Frame widths tried between the widest group and all groups in a row. */
const WIDTHS_TRIED = 40;

type Size = { width: number; height: number };

/**
 * Groups that call each other first together: the group with the most
 * calls to other groups, then again and again the one with the most calls
 * to those already taken (ties: more calls in all, then more members, as
 * larger groups pack better early, then the list's order).
 */
export function callOrder(sizes: Size[], between: Array<[number, number]>): number[] {
  const links = sizes.map(() => new Set<number>());
  for (const [a, b] of between) {
    links[a].add(b);
    links[b].add(a);
  }
  const taken = new Array<boolean>(sizes.length).fill(false);
  const toTaken = new Array<number>(sizes.length).fill(0);
  const order: number[] = [];
  const better = (a: number, b: number) =>
    toTaken[a] - toTaken[b] ||
    links[a].size - links[b].size ||
    sizes[a].width * sizes[a].height - sizes[b].width * sizes[b].height ||
    b - a;
  while (order.length < sizes.length) {
    let next = -1;
    for (let g = 0; g < sizes.length; g++) {
      if (!taken[g] && (next < 0 || better(g, next) > 0)) next = g;
    }
    taken[next] = true;
    order.push(next);
    for (const other of links[next]) toTaken[other]++;
  }
  return order;
}

/** A run of the skyline: from x, `width` wide, everything placed ends at `top`. */
interface Run {
  x: number;
  width: number;
  top: number;
}

/**
 * Places boxes in this order into a frame `frameWidth` wide, each as high
 * up as it fits and then as far left (bottom-left packing on a skyline,
 * here top-left since y grows downwards). Sizes include the gap.
 */
function skyline(sizes: Size[], order: number[], frameWidth: number): Box[] {
  let runs: Run[] = [{ x: 0, width: frameWidth, top: 0 }];
  const boxes = new Array<Box>(sizes.length);
  for (const g of order) {
    const { width, height } = sizes[g];
    let best: { x: number; y: number } | undefined;
    for (let start = 0; start < runs.length; start++) {
      const x = runs[start].x;
      if (x + width > frameWidth) break;
      let y = 0;
      for (let r = start; r < runs.length && runs[r].x < x + width; r++) y = Math.max(y, runs[r].top);
      if (!best || y < best.y) best = { x, y };
    }
    const { x, y } = best!;
    boxes[g] = { x, y, width, height };
    const next: Run[] = [];
    for (const run of runs) {
      const end = run.x + run.width;
      if (end <= x || run.x >= x + width) next.push(run);
      else {
        if (run.x < x) next.push({ ...run, width: x - run.x });
        if (end > x + width) next.push({ x: x + width, width: end - x - width, top: run.top });
      }
    }
    next.push({ x, width, top: y + height });
    next.sort((a, b) => a.x - b.x);
    // Neighbouring runs at the same height are one place to put a box.
    runs = next.reduce<Run[]>((merged, run) => {
      const last = merged[merged.length - 1];
      if (last && last.top === run.top) last.width += run.width;
      else merged.push({ ...run });
      return merged;
    }, []);
  }
  return boxes;
}

/**
 * The groups as boxes packed tightly in a screen-shaped frame, groups that
 * call each other placed one after the other: of frame widths from the
 * widest group to all in one row, the one a screen shows largest. Sizes
 * depend on member counts only, so this is the whole first picture.
 */
export function packGroups(sizes: Size[], between: Array<[number, number]>): Box[] {
  if (sizes.length === 0) return [];
  const padded = sizes.map(s => ({ width: s.width + GROUP_GAP, height: s.height + GROUP_GAP }));
  const order = callOrder(sizes, between);
  const narrowest = Math.max(...padded.map(s => s.width));
  const widest = padded.reduce((sum, s) => sum + s.width, 0);
  let best: Box[] = [];
  let bestFrame = Infinity;
  for (let i = 0; i <= WIDTHS_TRIED; i++) {
    const boxes = skyline(padded, order, narrowest + ((widest - narrowest) * i) / WIDTHS_TRIED);
    const width = Math.max(...boxes.map(b => b.x + b.width)) - GROUP_GAP;
    const height = Math.max(...boxes.map(b => b.y + b.height)) - GROUP_GAP;
    // The frame a screen shows them in: smaller shows them larger.
    const frame = Math.max(width / SCREEN_SHAPE, height);
    if (frame < bestFrame) {
      bestFrame = frame;
      best = boxes;
    }
  }
  return best.map((b, g) => ({ x: b.x, y: b.y, ...sizes[g] }));
}
