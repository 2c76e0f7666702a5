import { shopMapScene } from '../../__testUtils__/mapScene';
import { visibleEdges } from './visibleEdges';
import { drawMap, drawnAt, type MapScene } from './drawMap';
import { extent, fitView } from './mapView';
import { ELLIPSIS, TextWidths } from './mapText';

interface DrawnText {
  text: string;
  x: number;
  y: number;
  size: number;
  /** Arguments after x and y: a maxWidth would squeeze the text. */
  extra: number;
}

/**
 * A 2D context that records the text drawn (in pixels: drawMap draws text
 * untransformed) and measures every character as 0.6 of the font size.
 */
function recordingContext() {
  const texts: DrawnText[] = [];
  /** In order: the lines stroked, the rectangles filled (with their colour) and the text drawn. */
  const ops: string[] = [];
  const state: Record<string | symbol, unknown> = { font: '10px sans-serif' };
  const sizeOf = () => Number(/([\d.]+)px/.exec(String(state.font))![1]);
  const widthOf = (text: string) => Array.from(text).length * 0.6 * sizeOf();
  const ctx = new Proxy(state, {
    get(target, prop) {
      if (prop === 'fillText') {
        return (text: string, x: number, y: number, ...extra: unknown[]) => {
          ops.push(`text ${text}`);
          texts.push({ text, x, y, size: sizeOf(), extra: extra.length });
        };
      }
      if (prop === 'stroke') return () => ops.push(`stroke ${String(target.strokeStyle)}`);
      if (prop === 'fillRect') return () => ops.push(`fillRect ${String(target.fillStyle)}`);
      if (prop === 'measureText') return (text: string) => ({ width: widthOf(text) });
      if (prop in target) return target[prop];
      return () => undefined;
    },
    set(target, prop, value) {
      target[prop] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, texts, ops, width: (t: DrawnText) => Array.from(t.text).length * 0.6 * t.size };
}

/** The map in a canvas of the size it has in a 1280 × 720 window, fitted. */
function drawFitted(scene: MapScene, k?: number) {
  const recorder = recordingContext();
  const fitted = fitView(extent(scene.layout.groups), 690, 480);
  const view = k === undefined ? fitted : { ...fitted, k };
  // Measured as the recorder measures, on contexts of their own.
  const widths = new TextWidths(scene.colors.font, () => recordingContext().ctx);
  drawMap(recorder.ctx, scene, view, 690, 480, widths);
  return { ...recorder, drawn: drawnAt(scene, view, 690, 480), view };
}

describe('drawMap', () => {
  it("draws a group's text after the lines, on the group's fill, so that no line runs through it", () => {
    const { scene } = shopMapScene();
    const { ops } = drawFitted(scene);
    const mechanismColours = new Set(Object.values(scene.colors.mechanism));
    // A line's stroke; a label's outline is followed by its text.
    const isLine = (op: string, at: number) =>
      op.startsWith('stroke ') && mechanismColours.has(op.slice('stroke '.length)) && !ops[at + 1]?.startsWith('text ');
    const lastLine = ops.map(isLine).lastIndexOf(true);
    expect(lastLine).toBeGreaterThan(0);
    const titles = ops.flatMap((op, at) => (op.startsWith('text ▾ ') ? [at] : []));
    expect(titles).toHaveLength(scene.graph.groups.length);
    for (const at of titles) {
      expect(at).toBeGreaterThan(lastLine);
      expect(ops[at - 1]).toBe(`fillRect ${scene.colors.groupFill}`);
    }
  });

  it('names every service of a small estate at the fitted zoom, cut to its box, never squeezed', () => {
    const { scene } = shopMapScene();
    const { texts, drawn, width, view } = drawFitted(scene);
    const all = scene.graph.nodes.map((_, n) => n);
    expect(drawn.named.sort()).toEqual(all);
    expect(drawn.unnamed).toEqual([]);
    for (const node of scene.graph.nodes) {
      const drawnName = texts.find(
        t => t.text === node.name || (t.text.endsWith(ELLIPSIS) && node.name.startsWith(t.text.slice(0, -1))),
      );
      expect(drawnName).toBeDefined();
    }
    expect(texts.filter(t => t.extra > 0)).toEqual([]);
    // Every text but the calls' labels (on the lines) inside a group's box.
    const callLabels = new Set(scene.lines.map(line => line.label));
    for (const t of texts.filter(({ text }) => !callLabels.has(text))) {
      const [left, right] = [t.x - width(t) / 2, t.x + width(t) / 2].map(x => (x - view.x) / view.k);
      expect(scene.layout.groups.some(box => left >= box.x && right <= box.x + box.width)).toBe(true);
    }
  });

  it('leaves names out where they would be too small to read, and says so', () => {
    const { scene } = shopMapScene();
    const { texts, drawn } = drawFitted(scene, 0.2);
    expect(drawn.named).toEqual([]);
    expect(drawn.unnamed.sort()).toEqual(scene.graph.nodes.map((_, n) => n));
    for (const node of scene.graph.nodes) expect(texts.map(t => t.text)).not.toContain(node.name);
  });

  it("cuts a group's title that is wider than its box with an ellipsis", () => {
    const { scene } = shopMapScene();
    scene.graph.groups[0].title = 'a-very-long-owner-name-'.repeat(10);
    const { texts, drawn, width, view } = drawFitted(scene);
    expect(drawn.groups).toContain(0);
    const title = texts.find(t => t.text.startsWith('▾ a-very-long-owner-name-'))!;
    expect(title.text.endsWith(ELLIPSIS)).toBe(true);
    expect(width(title)).toBeLessThanOrEqual((scene.layout.groups[0].width - 24) * view.k);
  });

  it('leaves out a label that would cover another', () => {
    const { scene } = shopMapScene('owner');
    // Every group closed: each line to a group carries its call count.
    const closed = { ...scene, expanded: new Set<number>(), lines: visibleEdges(scene.graph, new Set()) };
    const { texts, width } = drawFitted(closed, 0.05);
    const labels = texts.filter(t => closed.lines.some(line => line.label === t.text));
    expect(labels.length).toBeGreaterThan(0);
    const box = (t: DrawnText) => ({ left: t.x - width(t) / 2 - 5, right: t.x + width(t) / 2 + 5, top: t.y - 9, bottom: t.y + 9 });
    labels.forEach((a, i) =>
      labels.slice(i + 1).forEach(b => {
        const [p, q] = [box(a), box(b)];
        expect(p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom).toBe(false);
      }),
    );
  });
});
