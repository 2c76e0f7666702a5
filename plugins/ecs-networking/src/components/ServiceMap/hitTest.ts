import { GROUP_HEADER, NODE_HEIGHT, NODE_WIDTH } from './layout/layoutTypes';
import type { MapScene } from './drawMap';

export type MapHit =
  | { kind: 'node'; node: number }
  | { kind: 'group'; group: number; header: boolean };

function inside(box: { x: number; y: number; width: number; height: number }, x: number, y: number) {
  return x >= box.x && y >= box.y && x <= box.x + box.width && y <= box.y + box.height;
}

/** What is under map point (x, y): a service of an expanded group, or a group. */
export function hitTest(scene: Pick<MapScene, 'graph' | 'layout' | 'expanded'>, x: number, y: number): MapHit | undefined {
  const { layout, graph, expanded } = scene;
  for (let g = 0; g < layout.groups.length; g++) {
    const box = layout.groups[g];
    if (!inside(box, x, y)) continue;
    if (expanded.has(g)) {
      // Called on every pointer move: no object per member.
      for (const node of graph.groups[g].members) {
        if (Math.abs(x - layout.x[node]) <= NODE_WIDTH / 2 && Math.abs(y - layout.y[node]) <= NODE_HEIGHT / 2) {
          return { kind: 'node', node };
        }
      }
    }
    return { kind: 'group', group: g, header: !expanded.has(g) || y <= box.y + GROUP_HEADER };
  }
  return undefined;
}
