import { useEffect, useMemo, useRef, useState } from 'react';
import { gridSlots, placeMembers } from './layout/forceLayout';
import type { LayoutReply, LayoutRequest } from './layout/layoutProtocol';
import { createLayoutRunner } from './layout/layoutRun';
import type { Box, LayoutInput, LayoutResult } from './layout/layoutTypes';
import { LAYOUT_WORKER_SOURCE } from './layout/layoutWorkerSource';
import type { MapGraph } from './mapGraph';

/** What the worker said for one graph: kept, so a return to the map is instant. */
interface CachedLayout {
  boxes?: Box[];
  slots: Array<number[] | undefined>;
  done: boolean;
}

/** Layouts by network generation and grouping; a few, the newest last. */
const cache = new Map<string, CachedLayout>();
const CACHE_SIZE = 4;

function remember(key: string, entry: CachedLayout) {
  cache.delete(key);
  cache.set(key, entry);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

export function layoutInputOf(graph: MapGraph): LayoutInput {
  const edges: number[] = [];
  for (const edge of graph.edges) edges.push(edge.from, edge.to);
  return {
    nodeCount: graph.nodes.length,
    groups: graph.groups.map(g => g.members),
    edges,
  };
}

interface LayoutChannel {
  send(request: LayoutRequest): void;
  stop(): void;
}

/**
 * The layout worker, started from its bundled text. Where the page's
 * Content-Security-Policy refuses workers from `blob:` URLs, the same
 * steps run on the page a group at a time instead (see the README).
 */
function startLayout(onReply: (reply: LayoutReply) => void): LayoutChannel {
  let worker: Worker | undefined;
  let url: string | undefined;
  try {
    url = URL.createObjectURL(new Blob([LAYOUT_WORKER_SOURCE], { type: 'text/javascript' }));
    worker = new Worker(url);
  } catch {
    worker = undefined;
  }
  let fallback: ((request: LayoutRequest) => void) | undefined;
  const pending: LayoutRequest[] = [];
  const runHere = () => {
    fallback = createLayoutRunner(onReply);
    pending.splice(0).forEach(fallback);
  };
  if (worker) {
    let answered = false;
    worker.onmessage = (event: MessageEvent<LayoutReply>) => {
      answered = true;
      onReply(event.data);
    };
    worker.onerror = () => {
      if (answered) return;
      worker?.terminate();
      worker = undefined;
      runHere();
    };
  } else {
    runHere();
  }
  return {
    send(request) {
      if (fallback) fallback(request);
      else {
        pending.push(request);
        worker?.postMessage(request);
      }
    },
    stop() {
      worker?.terminate();
      if (url) URL.revokeObjectURL(url);
      // A fallback run stops at its next step: a newer id replaces it.
      fallback?.({ type: 'layout', id: -1, input: { nodeCount: 0, groups: [], edges: [] } });
    },
  };
}

let nextId = 1;

/**
 * User Timing names, for the browser's performance panel and the
 * benchmark (packages/bench): when a layout starts, when its groups are
 * placed, and how long the worker took in all.
 */
export const MAP_TIMINGS = {
  layoutStart: 'ecs-service-map:layout-start',
  groupsPlaced: 'ecs-service-map:groups-placed',
  layout: 'ecs-service-map:layout',
  firstDraw: 'ecs-service-map:first-draw',
} as const;

/**
 * The map's layout, computed off the page's thread: the group boxes as
 * soon as they are placed, then each group's members as they are
 * arranged (in name order until then). `arrangeFirst` moves a group to the
 * front of the queue. `version` changes whenever positions do.
 */
export function useMapLayout(graph: MapGraph, cacheKey: string) {
  const input = useMemo(() => layoutInputOf(graph), [graph]);
  const [version, setVersion] = useState(0);
  const layoutRef = useRef<LayoutResult>();
  const channelRef = useRef<{ channel: LayoutChannel; id: number }>();

  useEffect(() => {
    const cached = cache.get(cacheKey) ?? { slots: [], done: false };
    remember(cacheKey, cached);
    const x = new Float64Array(input.nodeCount);
    const y = new Float64Array(input.nodeCount);
    const apply = (boxes: Box[]) => {
      const arranged = input.groups.map((members, g) => {
        placeMembers(members, cached.slots[g] ?? gridSlots(members.length), boxes[g], x, y);
        return cached.slots[g] !== undefined;
      });
      layoutRef.current = { x, y, groups: boxes, arranged };
    };
    if (cached.boxes) apply(cached.boxes);
    else layoutRef.current = undefined;
    setVersion(v => v + 1);
    if (cached.done) return undefined;

    const id = nextId++;
    const channel = startLayout(reply => {
      if (reply.id !== id) return;
      if (reply.type === 'groups') {
        performance.mark(MAP_TIMINGS.groupsPlaced, { detail: { workerMs: reply.ms } });
        cached.boxes = reply.boxes;
        apply(reply.boxes);
      } else if (reply.type === 'members') {
        cached.slots[reply.group] = reply.slots;
        const layout = layoutRef.current!;
        placeMembers(input.groups[reply.group], reply.slots, layout.groups[reply.group], x, y);
        layout.arranged[reply.group] = true;
      } else {
        cached.done = true;
        performance.measure(MAP_TIMINGS.layout, {
          start: MAP_TIMINGS.layoutStart,
          detail: { workerMs: reply.ms, nodes: input.nodeCount },
        });
      }
      setVersion(v => v + 1);
    });
    channelRef.current = { channel, id };
    performance.mark(MAP_TIMINGS.layoutStart);
    channel.send({ type: 'layout', id, input });
    return () => {
      channel.stop();
      channelRef.current = undefined;
    };
  }, [cacheKey, input]);

  const arrangeFirst = useMemo(
    () => (group: number) => {
      const current = channelRef.current;
      if (current) current.channel.send({ type: 'first', id: current.id, group });
    },
    [],
  );
  return { layout: layoutRef.current, version, arrangeFirst };
}
