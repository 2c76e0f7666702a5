import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';

export const MIN_GRAPH_ZOOM = 0.4;
export const MAX_GRAPH_ZOOM = 2;
/** A graph wider than its card starts no smaller than this, and scrolls. */
const SMALLEST_FIT = 0.7;
const STEP = 1.25;

function clamp(zoom: number) {
  return Math.min(MAX_GRAPH_ZOOM, Math.max(MIN_GRAPH_ZOOM, zoom));
}

/**
 * Zoom and pan for a graph `width` pixels wide in a scrolling viewport.
 * It starts fitted to the viewport's width (down to SMALLEST_FIT), again
 * whenever the graph changes width. The buttons zoom about the middle, the
 * wheel about the pointer: with Ctrl (or ⌘, or a pinch) always, without
 * once the graph was clicked, as Backstage's own graphs do, so that a page
 * scrolls past it. Dragging the background pans.
 */
export function useGraphZoom(width: number) {
  const viewport = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  const wheelArmed = useRef(false);
  // Scroll to keep a point in place once the new size is laid out.
  const anchor = useRef<{ x: number; y: number }>();

  const fit = useCallback(() => {
    const available = viewport.current?.clientWidth ?? width;
    setZoom(Math.max(SMALLEST_FIT, Math.min(1, available / width)));
  }, [width]);
  useLayoutEffect(fit, [fit]);

  /** Zooms by `factor` keeping viewport point (px, py) where it is. */
  const zoomAt = useCallback((factor: number, px?: number, py?: number) => {
    const element = viewport.current;
    if (!element) return;
    const x = px ?? element.clientWidth / 2;
    const y = py ?? element.clientHeight / 2;
    const current = zoomRef.current;
    const next = clamp(current * factor);
    anchor.current = {
      x: ((element.scrollLeft + x) / current) * next - x,
      y: ((element.scrollTop + y) / current) * next - y,
    };
    setZoom(next);
  }, []);
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || !anchor.current) return;
    element.scrollLeft = anchor.current.x;
    element.scrollTop = anchor.current.y;
    anchor.current = undefined;
  }, [zoom]);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return undefined;
    const onWheel = (event: WheelEvent) => {
      if (!(event.ctrlKey || event.metaKey || wheelArmed.current)) return;
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY / 400), event.clientX - rect.left, event.clientY - rect.top);
    };
    const disarm = () => {
      wheelArmed.current = false;
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    element.addEventListener('pointerleave', disarm);
    return () => {
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('pointerleave', disarm);
    };
  }, [zoomAt]);

  const drag = useRef<{ x: number; y: number; left: number; top: number }>();
  const panHandlers = {
    onPointerDown(event: PointerEvent<HTMLDivElement>) {
      wheelArmed.current = true;
      // Links and buttons in the graph keep their clicks.
      if ((event.target as Element).closest('a, button')) return;
      const element = event.currentTarget;
      drag.current = { x: event.clientX, y: event.clientY, left: element.scrollLeft, top: element.scrollTop };
      element.setPointerCapture(event.pointerId);
    },
    onPointerMove(event: PointerEvent<HTMLDivElement>) {
      if (!drag.current) return;
      event.currentTarget.scrollLeft = drag.current.left - (event.clientX - drag.current.x);
      event.currentTarget.scrollTop = drag.current.top - (event.clientY - drag.current.y);
    },
    onPointerUp() {
      drag.current = undefined;
    },
  };

  return {
    viewport,
    zoom,
    zoomIn: () => zoomAt(STEP),
    zoomOut: () => zoomAt(1 / STEP),
    fit,
    panHandlers,
  };
}
