import { MAP_COLORS } from '../../__testUtils__/mapScene';
import { DASH_BUDGET, strokeLines } from './drawLines';
import type { MapScene, MapView } from './drawMap';
import type { MapGraph } from './mapGraph';
import type { VisibleEdge } from './visibleEdges';

/** A 2D context that records the paths stroked and filled, and the dash pattern of each stroke. */
function recordingContext() {
  const strokes: Array<{ dash: number[]; segments: number[][] }> = [];
  const fills: number[][][] = [];
  let path: number[][] = [];
  let dash: number[] = [];
  const ctx = {
    beginPath: () => (path = []),
    moveTo: (x: number, y: number) => path.push([x, y]),
    lineTo: (x: number, y: number) => path[path.length - 1].push(x, y),
    closePath: () => undefined,
    setLineDash: (pattern: number[]) => (dash = pattern),
    stroke: () => strokes.push({ dash, segments: path }),
    fill: () => fills.push(path),
  } as unknown as CanvasRenderingContext2D;
  return { ctx, strokes, fills };
}

/** Services at (x, 0), joined in pairs by DNS lines (a dashed pattern: 8 on, 4 off). */
function sceneOf(xs: number[], pairs: Array<[number, number]>): MapScene {
  const lines: VisibleEdge[] = pairs.map(([from, to]) => ({ from, to, mechanism: 'dns', label: 'api.app', count: 1, edges: [] }));
  return {
    graph: { nodes: [], groups: [], edges: [], byArn: new Map() } as MapGraph,
    layout: { x: Float64Array.from(xs), y: new Float64Array(xs.length), groups: [], arranged: [] },
    lines,
    expanded: new Set(),
    colors: MAP_COLORS,
  };
}

function draw(scene: MapScene, view: MapView, width = 690, height = 480) {
  const recorder = recordingContext();
  const viewBox = { x: -view.x / view.k, y: -view.y / view.k, width: width / view.k, height: height / view.k };
  strokeLines(recorder.ctx, scene, view, viewBox, []);
  return { ...recorder, viewBox };
}

describe('strokeLines', () => {
  // A line from x = 75 (the first service's right edge) to 9,925.
  const long = sceneOf([0, 10_000], [[0, 1]]);

  it('draws a line that crosses the view over the view only, from a whole number of patterns along it', () => {
    for (const x of [-5000, -5005, -5011]) {
      const { strokes, viewBox } = draw(long, { x, y: 240, k: 1 });
      expect(strokes).toHaveLength(1);
      const [[x1, , x2]] = strokes[0].segments;
      // Its dashes stay put as the view moves: they start where they would on the whole line.
      expect((x1 - 75) % 12).toBeCloseTo(0);
      expect(x1).toBeLessThanOrEqual(viewBox.x);
      expect(x1).toBeGreaterThan(viewBox.x - 12);
      expect(x2).toBeCloseTo(viewBox.x + viewBox.width);
    }
  });

  it('leaves out lines wholly out of view, and arrowheads whose end is out of view', () => {
    const scene = sceneOf([0, 10_000, 0, 400], [[0, 1], [2, 3]]);
    scene.layout.y.set([5000, 5000], 0);
    const { strokes, fills } = draw(scene, { x: 100, y: 240, k: 1 });
    expect(strokes.flatMap(s => s.segments)).toEqual([[75, 0, 325, 0]]);
    // One arrowhead, at the end of the line in view.
    expect(fills.flat().map(([x, y]) => [x, y])).toEqual([[325, 0]]);
  });

  it('lengthens the dash patterns, keeping their shape, when the dashes in view would pass the budget', () => {
    const count = 1600;
    const xs = Array.from({ length: count }, (_, i) => (i % 2 ? 10_000 : 0));
    const pairs = Array.from({ length: count / 2 }, (_, i): [number, number] => [2 * i, 2 * i + 1]);
    const scene = sceneOf(xs, pairs);
    const few = draw(sceneOf([0, 10_000], [[0, 1]]), { x: -5000, y: 240, k: 1 });
    expect(few.strokes[0].dash).toEqual([8, 4]);
    const many = draw(scene, { x: -5000, y: 240, k: 1 });
    const [dash, gap] = many.strokes[0].dash;
    expect(dash).toBeGreaterThan(8);
    expect(dash / gap).toBe(2);
    const inView = many.strokes[0].segments.reduce((sum, [x1, , x2]) => sum + (x2 - x1), 0);
    expect(inView / (dash + gap)).toBeLessThanOrEqual(DASH_BUDGET);
    expect(inView / 12).toBeGreaterThan(DASH_BUDGET);
  });
});
