import { groupSize } from './gridLayout';
import type { Box } from './layoutTypes';
import { callOrder, GROUP_GAP, packGroups, SCREEN_SHAPE } from './packGroups';

function overlaps(a: Box, b: Box) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function frame(boxes: Box[]) {
  const left = Math.min(...boxes.map(b => b.x));
  const top = Math.min(...boxes.map(b => b.y));
  return {
    width: Math.max(...boxes.map(b => b.x + b.width)) - left,
    height: Math.max(...boxes.map(b => b.y + b.height)) - top,
  };
}

describe('packGroups', () => {
  // The demo's namespaces: one of 7 services, the others of 2 or 3.
  const demo = [7, 3, 3, 2, 3, 2, 2].map(groupSize);

  it('keeps every group its size, apart from every other by the gap', () => {
    const boxes = packGroups(demo, [[0, 1]]);
    boxes.forEach((box, g) => {
      expect(box).toMatchObject(demo[g]);
      const grown = { x: box.x - GROUP_GAP + 1, y: box.y - GROUP_GAP + 1, width: box.width + 2 * GROUP_GAP - 2, height: box.height + 2 * GROUP_GAP - 2 };
      boxes.slice(g + 1).forEach(other => expect(overlaps(grown, other)).toBe(false));
    });
  });

  it('fills half a screen-shaped frame or more, so that a screen shows the groups large', () => {
    // Circles round the boxes pulled together by d3-force filled a quarter.
    for (const sizes of [demo, [1, 5, 40, 120, 7].map(groupSize), Array.from({ length: 40 }, (_, i) => groupSize(30 + 2 * i))]) {
      const boxes = packGroups(sizes, []);
      const { width, height } = frame(boxes);
      const area = sizes.reduce((sum, s) => sum + s.width * s.height, 0);
      const screen = Math.max(width / SCREEN_SHAPE, height);
      // The area of a SCREEN_SHAPE frame round them, against theirs.
      expect(area / (screen * screen * SCREEN_SHAPE)).toBeGreaterThan(0.5);
    }
  });
});

describe('callOrder', () => {
  it('takes groups that call each other one after the other, the busiest first', () => {
    const sizes = [1, 1, 1, 1, 1, 1].map(groupSize);
    // 4 calls 1, 3 and 5; 5 calls 2; 0 calls no one. After 4 the busiest of
    // those it calls (5); then 1, 2 and 3, each called once by a taken group;
    // 0, called by none, last.
    expect(callOrder(sizes, [[4, 1], [4, 3], [4, 5], [5, 2], [2, 5]])).toEqual([4, 5, 1, 2, 3, 0]);
  });

  it('takes larger groups first among equals', () => {
    expect(callOrder([1, 9, 4].map(groupSize), [])).toEqual([1, 2, 0]);
  });
});
