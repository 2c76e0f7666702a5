import type { Mechanism, NetworkModel } from './model';

const MERMAID_ARROWS: Record<Mechanism, string> = {
  connect: '-->',
  dns: '-.->',
  'http-api': '==>',
  'load-balancer': '==>',
  lattice: '==>',
};

/** Mermaid labels are quoted; quotes inside become entity codes. */
function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, c => (c === '<' ? '#lt;' : '#gt;'));
}

/**
 * The network as a Mermaid flowchart: services in a subgraph per account ×
 * region, calls labelled with the endpoint, the arrow telling the mechanism.
 * The CLI's `--format mermaid` and the service map's export.
 *
 * @public
 */
export function formatMermaid(model: NetworkModel): string {
  const ids = new Map(model.services.map((s, i) => [s.arn, `s${i}`]));
  const endpointName = new Map(model.endpoints.map(e => [e.id, e.name]));
  const lines = ['graph LR'];
  const scopes = new Map<string, typeof model.services>();
  for (const s of model.services) {
    const key = `${s.accountId} ${s.region}`;
    const list = scopes.get(key);
    if (list) list.push(s);
    else scopes.set(key, [s]);
  }
  [...scopes].forEach(([scope, services], i) => {
    lines.push(`  subgraph scope${i}["${mermaidText(scope)}"]`);
    for (const s of services) {
      lines.push(`    ${ids.get(s.arn)}["${mermaidText(`${s.name} (${s.cluster})`)}"]`);
    }
    lines.push('  end');
  });
  for (const e of model.edges) {
    const label = mermaidText(endpointName.get(e.endpointId) ?? e.endpointId);
    lines.push(`  ${ids.get(e.from)} ${MERMAID_ARROWS[e.mechanism]}|"${label}"| ${ids.get(e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

function dotText(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The network as a Graphviz digraph, calls labelled with the endpoint and
 * DNS calls dashed. The CLI's `--format dot` and the service map's export.
 *
 * @public
 */
export function formatDot(model: NetworkModel): string {
  const endpointName = new Map(model.endpoints.map(e => [e.id, e.name]));
  const lines = ['digraph ecs_network {', '  rankdir=LR;', '  node [shape=box];'];
  for (const s of model.services) {
    lines.push(`  ${dotText(s.arn)} [label=${dotText(`${s.name}\n${s.cluster} ${s.accountId}/${s.region}`)}];`);
  }
  for (const e of model.edges) {
    const style = e.mechanism === 'dns' ? ', style=dashed' : '';
    lines.push(
      `  ${dotText(e.from)} -> ${dotText(e.to)} [label=${dotText(endpointName.get(e.endpointId) ?? e.endpointId)}${style}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
