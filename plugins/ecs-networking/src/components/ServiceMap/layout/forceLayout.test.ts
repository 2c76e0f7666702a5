import { arrangeGroup, placeGroups, splitEdges } from './forceLayout';
import { groupSize } from './gridLayout';
import { createLayoutRunner } from './layoutRun';
import type { LayoutReply, LayoutRequest } from './layoutProtocol';
import type { LayoutInput } from './layoutTypes';

/** Groups of 1..n members in a ring, each calling the next group too. */
function ringEstate(groupSizes: number[]): LayoutInput {
  let next = 0;
  const groups = groupSizes.map(size => Array.from({ length: size }, () => next++));
  const edges: number[] = [];
  groups.forEach((members, g) => {
    members.forEach((n, i) => {
      if (i > 0) edges.push(members[i - 1], n);
    });
    const other = groups[(g + 1) % groups.length];
    if (other !== members) edges.push(members[0], other[0]);
  });
  return { nodeCount: next, groups, edges };
}

/** Every reply of the runner to these requests, once it is done. */
async function replies(...requests: LayoutRequest[]): Promise<LayoutReply[]> {
  const all: LayoutReply[] = [];
  await new Promise<void>(resolve => {
    const run = createLayoutRunner(reply => {
      all.push(reply);
      if (reply.type === 'done') resolve();
    });
    requests.forEach(run);
  });
  return all;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the map layout', () => {
  it('places groups without overlap, each sized for its members', () => {
    const input = ringEstate([1, 5, 40, 120, 7]);
    const boxes = placeGroups(input, splitEdges(input).between);
    boxes.forEach((box, g) => {
      expect(box).toMatchObject(groupSize(input.groups[g].length));
      boxes.slice(g + 1).forEach(other => expect(overlaps(box, other)).toBe(false));
    });
  });

  it('gives each member of a group its own cell, callers next to callees', () => {
    const input = ringEstate([60]);
    const slots = arrangeGroup(60, splitEdges(input).inner[0]);
    expect([...slots].sort((a, b) => a - b)).toEqual([...Array(60).keys()]);
  });

  it('answers with the groups first, then each group, the one asked for first', async () => {
    const answered = await replies(
      { type: 'layout', id: 7, input: ringEstate([3, 4, 50, 2]) },
      { type: 'first', id: 7, group: 2 },
    );
    expect(answered.map(r => (r.type === 'members' ? r.group : r.type))).toEqual([
      'groups',
      2,
      3,
      0,
      1,
      'done',
    ]);
  });

  it('drops a run that a newer one replaced', async () => {
    const answered = await replies(
      { type: 'layout', id: 1, input: ringEstate([5, 5]) },
      { type: 'layout', id: 2, input: ringEstate([5]) },
    );
    expect(answered.filter(r => r.type === 'members').map(r => r.id)).toEqual([2]);
  });
});
