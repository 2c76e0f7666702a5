import type { Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import type { MapGraph } from './mapGraph';

/**
 * A line on the map. Its ends are anchors: a node index (n ≥ 0), or a
 * collapsed group g as −(g + 1). Calls between the same two anchors by the
 * same mechanism are one line, labelled with the endpoint when it is one
 * call and with the count otherwise.
 */
export interface VisibleEdge {
  from: number;
  to: number;
  mechanism: Mechanism;
  label: string;
  count: number;
  /** Indexes into `MapGraph.edges`. */
  edges: number[];
}

export function groupAnchor(group: number): number {
  return -(group + 1);
}

export function anchorGroup(anchor: number): number {
  return -anchor - 1;
}

/** The lines to draw with these groups expanded and the rest collapsed. */
export function visibleEdges(graph: MapGraph, expanded: ReadonlySet<number>): VisibleEdge[] {
  const anchorOf = (node: number) => {
    const group = graph.nodes[node].group;
    return expanded.has(group) ? node : groupAnchor(group);
  };
  const lines = new Map<string, VisibleEdge>();
  graph.edges.forEach((edge, i) => {
    const from = anchorOf(edge.from);
    const to = anchorOf(edge.to);
    // Calls inside a collapsed group are what it hides.
    if (from === to && from < 0) return;
    const key = `${from} ${to} ${edge.mechanism}`;
    const line = lines.get(key);
    if (line) {
      line.count++;
      line.edges.push(i);
      line.label = `${line.count} calls`;
    } else {
      lines.set(key, { from, to, mechanism: edge.mechanism, label: edge.endpoint, count: 1, edges: [i] });
    }
  });
  return [...lines.values()];
}
