import {
  formatDot,
  formatMermaid,
  type NetworkResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import { MECHANISM_DASH } from '../shared/mechanismStyle';
import { drawMap, type MapScene } from './drawMap';
import { NODE_HEIGHT, NODE_WIDTH } from './layout/layoutTypes';
import { lineEndsInto } from './mapGeometry';
import { extent, fitView } from './mapView';

export type ExportFormat = 'svg' | 'png' | 'json' | 'mermaid' | 'dot';

export const EXPORT_FORMATS: Array<{ format: ExportFormat; label: string }> = [
  { format: 'svg', label: 'Image (SVG)' },
  { format: 'png', label: 'Image (PNG)' },
  { format: 'json', label: 'Data (JSON)' },
  { format: 'mermaid', label: 'Mermaid' },
  { format: 'dot', label: 'Graphviz (DOT)' },
];

const NAME_CHARS = 21;

/** A name cut to fit its box (an SVG file cannot measure text); the full name is its box's title. */
function shortName(name: string): string {
  return name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name;
}

/** Text in SVG: names may hold anything a tag value may. */
function xml(text: string): string {
  return text.replace(/[<>&"']/g, c => `&#${c.charCodeAt(0)};`);
}

/** The map as it is now (groups open or closed), whole, as an SVG image. */
export function mapSvg(scene: MapScene): string {
  const { graph, layout, colors, expanded } = scene;
  const box = extent(layout.groups);
  const margin = 24;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box.x - margin} ${box.y - margin} ${box.width + 2 * margin} ${box.height + 2 * margin}" font-family="${xml(colors.font)}">`,
    `<rect x="${box.x - margin}" y="${box.y - margin}" width="${box.width + 2 * margin}" height="${box.height + 2 * margin}" fill="${colors.background}"/>`,
  ];
  layout.groups.forEach((g, i) => {
    const group = graph.groups[i];
    const open = expanded.has(i);
    parts.push(
      `<rect x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="12" fill="${colors.groupFill}" stroke="${colors.line}"/>`,
      `<text x="${g.x + g.width / 2}" y="${open ? g.y + 24 : g.y + g.height / 2}" text-anchor="middle" font-size="16" font-weight="600" fill="${colors.text}">${xml(`${group.title}${group.where ? ` · ${group.where}` : ''}${open ? '' : ` (${group.members.length} services)`}`)}</text>`,
    );
  });
  const ends = new Float64Array(scene.lines.length * 4);
  lineEndsInto(scene, ends);
  scene.lines.forEach((line, i) => {
    const [x1, y1, x2, y2] = ends.subarray(4 * i, 4 * i + 4);
    const dash = MECHANISM_DASH[line.mechanism];
    parts.push(
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colors.mechanism[line.mechanism]}" stroke-width="1.5"${dash ? ` stroke-dasharray="${dash}"` : ''}><title>${xml(line.label)}</title></line>`,
      `<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2}" text-anchor="middle" font-size="11" fill="${colors.text}" stroke="${colors.background}" stroke-width="3" paint-order="stroke">${xml(line.label)}</text>`,
    );
  });
  for (const g of expanded) {
    for (const n of graph.groups[g].members) {
      const x = layout.x[n] - NODE_WIDTH / 2;
      const y = layout.y[n] - NODE_HEIGHT / 2;
      const node = graph.nodes[n];
      const stroke = node.worst ? colors.severity[node.worst] : colors.line;
      parts.push(
        `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6" fill="${colors.nodeFill}" stroke="${stroke}"><title>${xml(`${node.name} (${node.where})`)}</title></rect>`,
        `<text x="${layout.x[n]}" y="${layout.y[n] + 4}" text-anchor="middle" font-size="12" fill="${colors.text}">${xml(shortName(node.name))}${node.findings ? ` (${node.findings})` : ''}</text>`,
      );
    }
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** The whole map as a PNG, at most 4,096 pixels on its longer side. */
export function mapPng(scene: MapScene): Promise<Blob> {
  const box = extent(scene.layout.groups);
  const scale = Math.min(1, 4096 / Math.max(box.width, box.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale) + 48;
  canvas.height = Math.ceil(box.height * scale) + 48;
  const view = fitView(box, canvas.width, canvas.height);
  drawMap(canvas.getContext('2d')!, scene, view, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(blob => (blob ? resolve(blob) : reject(new Error('The browser could not encode the image'))), 'image/png'),
  );
}

/** The network behind the map, in the same shapes the API serves. */
export function mapJson(network: NetworkResponse): string {
  const { generation, services, namespaces, endpoints, edges, findings } = network;
  return JSON.stringify({ generation, services, namespaces, endpoints, edges, findings }, null, 2);
}

export async function exportFile(
  format: ExportFormat,
  network: NetworkResponse,
  scene: MapScene,
): Promise<{ name: string; blob: Blob }> {
  const text = (body: string, type: string) => new Blob([body], { type });
  switch (format) {
    case 'svg':
      return { name: 'ecs-service-map.svg', blob: text(mapSvg(scene), 'image/svg+xml') };
    case 'png':
      return { name: 'ecs-service-map.png', blob: await mapPng(scene) };
    case 'json':
      return { name: 'ecs-network.json', blob: text(mapJson(network), 'application/json') };
    case 'mermaid':
      return { name: 'ecs-network.mmd', blob: text(formatMermaid(network), 'text/plain') };
    default:
      return { name: 'ecs-network.dot', blob: text(formatDot(network), 'text/vnd.graphviz') };
  }
}

/** Hands a file to the browser's download. */
export function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
