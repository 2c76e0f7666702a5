import { shopMapScene } from '../../__testUtils__/mapScene';
import { describeDrawn } from './MapDescription';

describe('describeDrawn', () => {
  it('names the groups in view and the services whose names are drawn', () => {
    const { scene } = shopMapScene();
    const { graph } = scene;
    const order = graph.byArn.get(graph.nodes.find(n => n.name === 'order-service')!.arn)!;
    const group = graph.nodes[order].group;
    const text = describeDrawn(graph, new Set([group]), { groups: [group], named: [order], unnamed: [] });
    expect(text.summary).toBe('Shown: 1 group; 1 service with their names.');
    expect(text.groups).toHaveLength(1);
    expect(text.groups[0].text).toMatch(/: open, order-service( \(\d+ findings?\))?$/);
  });

  it('counts the services too small to name, and tells closed groups by their size', () => {
    const { scene } = shopMapScene();
    const { graph } = scene;
    const all = graph.nodes.map((_, n) => n);
    const text = describeDrawn(graph, new Set(), { groups: [0], named: [], unnamed: all });
    expect(text.summary).toContain(`${all.length} more services too small to name at this zoom`);
    expect(text.groups[0].text).toContain(`: closed, ${graph.groups[0].members.length} service`);
  });
});
