import type { Box } from './layout/layoutTypes';
import type { MapView } from './drawMap';

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;

export function clampZoom(k: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
}

/** The smallest box around these boxes. */
export function extent(boxes: Box[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return boxes.length
    ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
    : { x: 0, y: 0, width: 1, height: 1 };
}

/** The view that shows all of `box` in width × height pixels, with a margin. */
export function fitView(box: Box, width: number, height: number, margin = 24): MapView {
  const k = clampZoom(
    Math.min((width - 2 * margin) / box.width, (height - 2 * margin) / box.height, 1.5),
  );
  return {
    k,
    x: width / 2 - (box.x + box.width / 2) * k,
    y: height / 2 - (box.y + box.height / 2) * k,
  };
}

/** Zooms by `factor` keeping the map point under (px, py) where it is. */
export function zoomAt(view: MapView, factor: number, px: number, py: number): MapView {
  const k = clampZoom(view.k * factor);
  const ratio = k / view.k;
  return { k, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

/** The view with map point (wx, wy) in the middle, at zoom k. */
export function centreOn(wx: number, wy: number, k: number, width: number, height: number): MapView {
  return { k, x: width / 2 - wx * k, y: height / 2 - wy * k };
}
