import { shopMapScene } from '../../__testUtils__/mapScene';
import { lineEnds, lineEndsInto } from './mapGeometry';
import { visibleEdges } from './visibleEdges';

describe('lineEndsInto', () => {
  it('gives every line the ends lineEnds gives it, with groups open or closed', () => {
    const { scene } = shopMapScene();
    for (const expanded of [scene.expanded, new Set<number>(), new Set([0])]) {
      const lines = visibleEdges(scene.graph, expanded);
      const into = new Float64Array(lines.length * 4);
      lineEndsInto({ layout: scene.layout, lines }, into);
      expect(lines.length).toBeGreaterThan(0);
      lines.forEach((line, i) => {
        const { x1, y1, x2, y2 } = lineEnds(scene, line);
        expect([...into.subarray(4 * i, 4 * i + 4)]).toEqual([x1, y1, x2, y2]);
      });
    }
  });
});
