import { createEstateIndex } from '../lib/estateIndex';
import type { MapColors, MapScene } from '../components/ServiceMap/drawMap';
import { gridSlots, placeGroups, placeMembers, splitEdges } from '../components/ServiceMap/layout/forceLayout';
import { buildMapGraph, type GroupBy } from '../components/ServiceMap/mapGraph';
import { layoutInputOf } from '../components/ServiceMap/useMapLayout';
import { visibleEdges } from '../components/ServiceMap/visibleEdges';
import { networkResponse, shopModel } from './estate';

export const MAP_COLORS: MapColors = {
  background: '#fff',
  text: '#000',
  muted: '#666',
  line: '#ccc',
  groupFill: '#eee',
  nodeFill: '#fafafa',
  selected: '#00f',
  severity: { error: '#f00', warning: '#fa0', info: '#0af' },
  mechanism: { connect: '#00f', dns: '#f0f', 'http-api': '#0ff', 'load-balancer': '#0f0', lattice: '#0f0' },
  font: 'Helvetica, "Arial"',
};

/** The shop's map, laid out as the worker would, every group open. */
export function shopMapScene(groupBy: GroupBy = 'owner') {
  const network = networkResponse(shopModel());
  const graph = buildMapGraph(network, createEstateIndex(network), groupBy);
  const input = layoutInputOf(graph);
  const boxes = placeGroups(input, splitEdges(input).between);
  const x = new Float64Array(input.nodeCount);
  const y = new Float64Array(input.nodeCount);
  input.groups.forEach((m, g) => placeMembers(m, gridSlots(m.length), boxes[g], x, y));
  const expanded = new Set(graph.groups.keys());
  const scene: MapScene = {
    graph,
    layout: { x, y, groups: boxes, arranged: boxes.map(() => false) },
    lines: visibleEdges(graph, expanded),
    expanded,
    colors: MAP_COLORS,
  };
  return { network, scene };
}
