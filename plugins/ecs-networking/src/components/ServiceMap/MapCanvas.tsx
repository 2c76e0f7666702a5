import { makeStyles } from '@material-ui/core/styles';
import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import { drawMap, drawnAt, type DrawnMap, type MapScene, type MapView } from './drawMap';
import { MapDescription } from './MapDescription';
import { hitTest, type MapHit } from './hitTest';
import { centreOn, extent, fitView, zoomAt } from './mapView';
import { MAP_TIMINGS } from './useMapLayout';

const useStyles = makeStyles(theme => ({
  frame: {
    position: 'relative',
    height: 'max(480px, calc(100vh - 360px))',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    overflow: 'hidden',
  },
  canvas: {
    display: 'block',
    width: '100%',
    height: '100%',
    touchAction: 'none',
    cursor: 'grab',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  tip: {
    position: 'absolute',
    pointerEvents: 'none',
    maxWidth: 360,
    overflowWrap: 'anywhere',
    padding: theme.spacing(0.5, 1),
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    boxShadow: theme.shadows[2],
    ...theme.typography.body2,
  },
}));

export interface MapCanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  /** Centres the map on a service, close enough to read its calls. */
  focusNode(node: number): void;
}

const PAN_STEP = 80;
const DRAG_THRESHOLD = 4;
/** The text alternative follows the picture once it holds still this long. */
const DESCRIBE_AFTER_MS = 250;

/**
 * The map on a canvas: drag to pan, wheel or +/− to zoom, arrows to pan,
 * 0 to fit; a click reports what it hit. Redraws at most once a frame.
 */
export const MapCanvas = forwardRef<
  MapCanvasHandle,
  {
    scene?: MapScene;
    /** Changes whenever the scene's contents do. */
    version: unknown;
    label: string;
    onHit(hit: MapHit | undefined, open: boolean): void;
    onOpenSelected(): void;
    onClear(): void;
    describe(node: number): string;
  }
>(function MapCanvasWithHandle(props, ref) {
  const { scene, version, onHit, onOpenSelected, onClear, describe } = props;
  const classes = useStyles();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<MapView>();
  const sizeRef = useRef({ width: 0, height: 0 });
  const sceneRef = useRef(scene);
  sceneRef.current = scene;
  const frame = useRef<number>();
  const drawn = useRef(false);
  // The tooltip's text is state (it changes as the pointer reaches
  // another service); its place follows the pointer without a render.
  const [tip, setTip] = useState<string>();
  const tipRef = useRef<HTMLDivElement>(null);
  const tipAt = useRef({ x: 0, y: 0 });
  const [drawnScene, setDrawnScene] = useState<{ scene: MapScene; drawn: DrawnMap }>();
  const describeTimer = useRef<ReturnType<typeof setTimeout>>();
  const descriptionId = `${useId()}-description`;

  const draw = useCallback(() => {
    frame.current = undefined;
    const canvas = canvasRef.current;
    const current = sceneRef.current;
    const { width, height } = sizeRef.current;
    if (!canvas || !current || width === 0) return;
    if (!viewRef.current) viewRef.current = fitView(extent(current.layout.groups), width, height);
    const ratio = window.devicePixelRatio || 1;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const view = viewRef.current;
    drawMap(ctx, current, view, width, height);
    clearTimeout(describeTimer.current);
    describeTimer.current = setTimeout(
      () => setDrawnScene({ scene: current, drawn: drawnAt(current, view, width, height) }),
      DESCRIBE_AFTER_MS,
    );
    if (!drawn.current) {
      drawn.current = true;
      performance.mark(MAP_TIMINGS.firstDraw);
    }
  }, []);
  const schedule = useCallback(() => {
    if (frame.current === undefined) frame.current = requestAnimationFrame(draw);
  }, [draw]);
  useEffect(() => () => {
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    clearTimeout(describeTimer.current);
  }, []);

  useEffect(schedule, [scene, version, schedule]);

  // The canvas follows its frame's size, in device pixels.
  useEffect(() => {
    const canvas = canvasRef.current!;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      sizeRef.current = { width, height };
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      schedule();
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [schedule]);

  const setView = useCallback(
    (view: MapView) => {
      viewRef.current = view;
      schedule();
    },
    [schedule],
  );

  useImperativeHandle(
    ref,
    () => ({
      fit() {
        const current = sceneRef.current;
        if (!current) return;
        const { width, height } = sizeRef.current;
        setView(fitView(extent(current.layout.groups), width, height));
      },
      zoomBy(factor) {
        const view = viewRef.current;
        if (!view) return;
        const { width, height } = sizeRef.current;
        setView(zoomAt(view, factor, width / 2, height / 2));
      },
      focusNode(node) {
        const current = sceneRef.current;
        if (!current) return;
        const { width, height } = sizeRef.current;
        const k = Math.max(viewRef.current?.k ?? 1, 1);
        setView(centreOn(current.layout.x[node], current.layout.y[node], k, width, height));
      },
    }),
    [setView],
  );

  // A wheel listener that may prevent the page from scrolling.
  useEffect(() => {
    const canvas = canvasRef.current!;
    const onWheel = (event: WheelEvent) => {
      const view = viewRef.current;
      if (!view) return;
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      setView(zoomAt(view, Math.exp(-event.deltaY / 400), event.clientX - rect.left, event.clientY - rect.top));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [setView]);

  const drag = useRef<{ x: number; y: number; view: MapView; moved: boolean }>();
  const toMap = (event: MouseEvent) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const view = viewRef.current!;
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    return { px, py, x: (px - view.x) / view.k, y: (py - view.y) / view.k };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!viewRef.current) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, view: viewRef.current, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const current = drag.current;
    if (current) {
      const dx = event.clientX - current.x;
      const dy = event.clientY - current.y;
      if (Math.hypot(dx, dy) > DRAG_THRESHOLD) current.moved = true;
      if (current.moved) {
        setTip(undefined);
        setView({ ...current.view, x: current.view.x + dx, y: current.view.y + dy });
      }
      return;
    }
    if (!scene || !viewRef.current) return;
    const point = toMap(event);
    const hit = hitTest(scene, point.x, point.y);
    tipAt.current = { x: point.px + 12, y: point.py + 12 };
    if (tipRef.current) Object.assign(tipRef.current.style, { left: `${tipAt.current.x}px`, top: `${tipAt.current.y}px` });
    setTip(hit?.kind === 'node' ? describe(hit.node) : undefined);
    event.currentTarget.style.cursor = hit ? 'pointer' : 'grab';
  };
  const dragged = useRef(false);
  const onPointerUp = () => {
    dragged.current = drag.current?.moved ?? false;
    drag.current = undefined;
  };
  // A click that ends a drag is the drag's; a second click opens.
  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    if (dragged.current || !scene || !viewRef.current) return;
    const point = toMap(event);
    onHit(hitTest(scene, point.x, point.y), event.detail >= 2);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const view = viewRef.current;
    if (!view) return;
    const { width, height } = sizeRef.current;
    const pan = (dx: number, dy: number) => setView({ ...view, x: view.x + dx, y: view.y + dy });
    const keys: Record<string, () => void> = {
      ArrowLeft: () => pan(PAN_STEP, 0),
      ArrowRight: () => pan(-PAN_STEP, 0),
      ArrowUp: () => pan(0, PAN_STEP),
      ArrowDown: () => pan(0, -PAN_STEP),
      '+': () => setView(zoomAt(view, 1.25, width / 2, height / 2)),
      '=': () => setView(zoomAt(view, 1.25, width / 2, height / 2)),
      '-': () => setView(zoomAt(view, 0.8, width / 2, height / 2)),
      '0': () => scene && setView(fitView(extent(scene.layout.groups), width, height)),
      Enter: onOpenSelected,
      Escape: onClear,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div className={classes.frame}>
      <canvas
        ref={canvasRef}
        className={classes.canvas}
        tabIndex={0}
        aria-label={props.label}
        aria-describedby={descriptionId}
        aria-roledescription="map"
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onClick={onClick}
        onPointerLeave={() => setTip(undefined)}
      />
      <MapDescription
        id={descriptionId}
        graph={drawnScene?.scene.graph}
        expanded={drawnScene?.scene.expanded}
        drawn={drawnScene?.drawn}
      />
      {tip && (
        <div ref={tipRef} className={classes.tip} style={{ left: tipAt.current.x, top: tipAt.current.y }}>
          {tip}
        </div>
      )}
    </div>
  );
});
