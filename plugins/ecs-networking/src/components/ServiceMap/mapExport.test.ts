import { formatDot, formatMermaid } from '@ecs-net/plugin-ecs-networking-common';
import { HOSTILE } from '../../__testUtils__/estate';
import { shopMapScene as sceneOf } from '../../__testUtils__/mapScene';
import { exportFile, mapSvg } from './mapExport';

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
