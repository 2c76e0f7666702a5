import { formatDot, formatMermaid } from '@ecs-net/plugin-ecs-networking-common';
import { createEstateIndex } from '../../lib/estateIndex';
import { HOSTILE, networkResponse, shopModel } from '../../__testUtils__/estate';
import type { MapColors, MapScene } from './drawMap';
import { placeGroups, placeMembers, gridSlots, splitEdges } from './layout/forceLayout';
import { layoutInputOf } from './useMapLayout';
import { buildMapGraph } from './mapGraph';
import { exportFile, mapSvg } from './mapExport';
import { visibleEdges } from './visibleEdges';

const colors: MapColors = {
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

function sceneOf() {
  const network = networkResponse(shopModel());
  const graph = buildMapGraph(network, createEstateIndex(network), 'owner');
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
    colors,
  };
  return { network, scene };
}

describe('map export', () => {
  it('writes hostile names into the SVG as text, never as markup', () => {
    const svg = mapSvg(sceneOf().scene);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
    expect(HOSTILE).toContain('<img');
  });

  it('labels every call in the SVG with its endpoint', () => {
    const svg = mapSvg(sceneOf().scene);
    expect(svg).toContain('>orders:8080</text>');
    expect(svg).toContain('>mysql.app</text>');
  });

  it('gives Mermaid and DOT as the CLI writes them, and the network as JSON', async () => {
    const { network, scene } = sceneOf();
    const read = async (format: 'mermaid' | 'dot' | 'json') =>
      (await exportFile(format, network, scene)).blob.text();
    expect(await read('mermaid')).toBe(formatMermaid(network));
    expect(await read('dot')).toBe(formatDot(network));
    const json = JSON.parse(await read('json'));
    expect(json.services).toHaveLength(network.services.length);
    expect(json.edges).toEqual(network.edges);
  });
});
