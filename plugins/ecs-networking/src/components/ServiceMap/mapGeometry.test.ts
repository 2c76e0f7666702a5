import { NODE_HEIGHT, NODE_WIDTH } from './layout/layoutTypes';
import { clipSegment, lineEndsInto, type Clip } from './mapGeometry';
import { groupAnchor, type VisibleEdge } from './visibleEdges';

const line = (from: number, to: number): VisibleEdge => ({ from, to, mechanism: 'connect', label: '', count: 1, edges: [] });

describe('lineEndsInto', () => {
  it('ends each line where it leaves its boxes, a service or a closed group, towards the other end', () => {
    // Two services side by side, a closed group below them.
    const layout = {
      x: new Float64Array([0, 300]),
      y: new Float64Array([0, 0]),
      groups: [{ x: -100, y: 200, width: 400, height: 100 }],
      arranged: [true],
    };
    const lines = [line(0, 1), line(1, groupAnchor(0))];
    const into = new Float64Array(8);
    lineEndsInto({ layout, lines }, into);
    expect([...into.subarray(0, 4)]).toEqual([NODE_WIDTH / 2, 0, 300 - NODE_WIDTH / 2, 0]);
    // From (300, 0) towards the group's centre (100, 250): out through the
    // service's bottom edge, into the group through its top edge.
    const down = NODE_HEIGHT / 2 / 250;
    const [x1, y1, x2, y2] = into.subarray(4, 8);
    expect(x1).toBeCloseTo(300 - 200 * down);
    expect(y1).toBeCloseTo(NODE_HEIGHT / 2);
    expect(x2).toBeCloseTo(100 + 200 * (50 / 250));
    expect(y2).toBeCloseTo(200);
  });
});

describe('clipSegment', () => {
  const box = { x: 0, y: 0, width: 100, height: 100 };
  const clip: Clip = { t0: 0, t1: 1 };

  it('keeps a segment inside the box whole', () => {
    expect(clipSegment(10, 10, 90, 90, box, clip)).toBe(true);
    expect(clip).toEqual({ t0: 0, t1: 1 });
  });

  it('keeps the part of a segment across the box', () => {
    expect(clipSegment(-100, 50, 300, 50, box, clip)).toBe(true);
    expect(clip.t0).toBeCloseTo(0.25);
    expect(clip.t1).toBeCloseTo(0.5);
  });

  it('drops a segment whose bounding box meets the box but which passes by it', () => {
    expect(clipSegment(-60, 50, 50, -60, box, clip)).toBe(false);
    expect(clipSegment(200, 0, 300, 100, box, clip)).toBe(false);
  });
});
