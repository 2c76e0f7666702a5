import { arrangeGroup, placeGroups, splitEdges } from './forceLayout';
import type { LayoutReply, LayoutRequest } from './layoutProtocol';

/**
 * One layout, a group at a time: the group boxes first (the first
 * picture), then each group's members, smallest groups first unless one is
 * asked for. Between groups it yields, so that a request to arrange an
 * expanded group first, or a newer layout, is heard.
 */
export function createLayoutRunner(post: (reply: LayoutReply) => void) {
  let current: { id: number; queue: number[] } | undefined;

  function step(id: number, arrange: (group: number) => number[], started: number) {
    if (current?.id !== id) return;
    const group = current.queue.shift();
    if (group === undefined) {
      post({ type: 'done', id, ms: performance.now() - started });
      current = undefined;
      return;
    }
    post({ type: 'members', id, group, slots: arrange(group), ms: performance.now() - started });
    setTimeout(() => step(id, arrange, started), 0);
  }

  return (request: LayoutRequest) => {
    if (request.type === 'first') {
      if (current?.id !== request.id) return;
      const at = current.queue.indexOf(request.group);
      if (at > 0) current.queue.unshift(...current.queue.splice(at, 1));
      return;
    }
    const started = performance.now();
    const { input } = request;
    const { inner, between } = splitEdges(input);
    post({ type: 'groups', id: request.id, boxes: placeGroups(input, between), ms: performance.now() - started });
    const queue = [...input.groups.keys()].sort(
      (a, b) => input.groups[a].length - input.groups[b].length,
    );
    current = { id: request.id, queue };
    const arrange = (group: number) => arrangeGroup(input.groups[group].length, inner[group]);
    setTimeout(() => step(request.id, arrange, started), 0);
  };
}
