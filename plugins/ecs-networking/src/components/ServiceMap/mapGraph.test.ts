import { createEstateIndex } from '../../lib/estateIndex';
import { HOSTILE, shopModel } from '../../__testUtils__/estate';
import { buildMapGraph, type GroupBy } from './mapGraph';
import { visibleEdges, groupAnchor } from './visibleEdges';

function graphOf(groupBy: GroupBy) {
  const model = shopModel();
  return { model, graph: buildMapGraph(model, createEstateIndex(model), groupBy) };
}

describe('buildMapGraph', () => {
  it.each<GroupBy>(['namespace', 'cluster', 'account', 'owner'])(
    'puts every service in exactly one group when grouped by %s',
    groupBy => {
      const { model, graph } = graphOf(groupBy);
      const members = graph.groups.flatMap(g => g.members).sort((a, b) => a - b);
      expect(members).toEqual(model.services.map((_, i) => i));
      graph.nodes.forEach((node, i) => expect(graph.groups[node.group].members).toContain(i));
    },
  );

  it('groups by namespace as the list does, with services outside any under "No namespace"', () => {
    const { graph } = graphOf('namespace');
    const byTitle = Object.fromEntries(
      graph.groups.map(g => [g.title, g.members.map(n => graph.nodes[n].name)]),
    );
    expect(byTitle['sc.local']).toEqual(['order-service', 'user-service', 'web']);
    expect(byTitle.app).toEqual(['mysql']);
    expect(byTitle['No namespace']).toEqual(['nightly-batch']);
  });

  it('keeps every call, labelled with its endpoint and its mechanism', () => {
    const { model, graph } = graphOf('cluster');
    expect(graph.edges).toHaveLength(model.edges.length);
    const named = graph.edges.map(
      e => `${graph.nodes[e.from].name} -> ${graph.nodes[e.to].name} ${e.endpoint} ${e.mechanism}`,
    );
    expect(named).toContain('order-service -> mysql mysql.app dns');
    expect(named).toContain('web -> order-service orders:8080 connect');
  });

  it('counts findings on nodes and keeps the worst on their group', () => {
    const { graph } = graphOf('owner');
    const hostile = graph.groups.find(g => g.title === HOSTILE)!;
    expect(hostile.members.map(n => graph.nodes[n].name)).toEqual(['mysql']);
    const withFindings = graph.nodes.filter(n => n.findings > 0);
    expect(withFindings.length).toBeGreaterThan(0);
    for (const node of withFindings) expect(graph.groups[node.group].worst).toBeDefined();
  });
});

describe('visibleEdges', () => {
  it('draws calls between services when their groups are open', () => {
    const { graph } = graphOf('cluster');
    const lines = visibleEdges(graph, new Set(graph.groups.keys()));
    expect(lines).toHaveLength(graph.edges.length);
    expect(lines.every(l => l.from >= 0 && l.to >= 0 && l.count === 1)).toBe(true);
  });

  it('folds the calls of a closed group into one line per mechanism, and hides those inside it', () => {
    const { graph } = graphOf('cluster');
    const shop = graph.groups.findIndex(g => g.title === 'shop');
    const jobs = graph.groups.findIndex(g => g.title === 'jobs');
    const lines = visibleEdges(graph, new Set([jobs]));
    // nightly-batch (jobs) calls orders (shop); nothing else leaves shop.
    expect(lines).toEqual([
      expect.objectContaining({ to: groupAnchor(shop), count: 1, label: 'orders:8080' }),
    ]);
    expect(visibleEdges(graph, new Set())).toEqual([
      expect.objectContaining({ from: groupAnchor(jobs), to: groupAnchor(shop) }),
    ]);
  });
});
