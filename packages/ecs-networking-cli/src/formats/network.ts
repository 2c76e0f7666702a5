import {
  endpointSettings,
  type Mechanism,
  type NetworkModel,
} from '@ecs-net/plugin-ecs-networking-common';
import { renderTable } from './table';

function serviceLabels(model: NetworkModel) {
  return new Map(model.services.map(s => [s.arn, s]));
}

export function formatTable(model: NetworkModel): string {
  const services = serviceLabels(model);
  const endpointName = new Map(model.endpoints.map(e => [e.id, e.name]));
  const sections = [
    renderTable(
      ['SERVICE', 'CLUSTER', 'ACCOUNT/REGION', 'OWNER', 'ENDPOINTS'],
      model.services.map(s => [
        s.name,
        s.cluster,
        `${s.accountId}/${s.region}`,
        s.owner ?? '-',
        s.endpointIds.map(id => endpointName.get(id) ?? id).join(', ') || '-',
      ]),
    ),
    renderTable(
      ['FROM', 'TO', 'ENDPOINT', 'MECHANISM', 'EVIDENCE'],
      model.edges.map(e => [
        services.get(e.from)?.name ?? e.from,
        services.get(e.to)?.name ?? e.to,
        endpointName.get(e.endpointId) ?? e.endpointId,
        e.mechanism,
        e.evidence.map(ev => (ev.variable ? `${ev.kind} ${ev.variable}` : ev.kind)).join(', '),
      ]),
    ),
  ];
  // Endpoints whose traffic is handled in a particular way: TLS, timeouts,
  // access logs, VPC Lattice. A plain Service Connect name (TLS off) is left out.
  const configured = model.endpoints
    .map(e => ({ endpoint: e, settings: endpointSettings(e) }))
    .filter(({ settings }) => settings.length > 0 && settings.join() !== 'TLS off');
  if (configured.length) {
    sections.push(
      renderTable(
        ['ENDPOINT', 'SERVICE', 'SETTINGS'],
        configured.map(({ endpoint, settings }) => [
          endpoint.name,
          services.get(endpoint.serviceArn)?.name ?? endpoint.serviceArn,
          settings.join(', '),
        ]),
      ),
    );
  }
  if (model.findings.length) sections.push(formatFindings(model));
  return `${sections.join('\n\n')}\n`;
}

export function formatFindings(model: NetworkModel): string {
  return renderTable(
    ['SEVERITY', 'RULE', 'SUBJECT', 'MESSAGE', 'FIX'],
    model.findings.map(f => [f.severity, f.ruleId, f.subject.name, f.message, f.fix]),
  );
}

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

export function formatMermaid(model: NetworkModel): string {
  const ids = new Map(model.services.map((s, i) => [s.arn, `s${i}`]));
  const endpointName = new Map(model.endpoints.map(e => [e.id, e.name]));
  const lines = ['graph LR'];
  const scopes = new Map<string, typeof model.services>();
  for (const s of model.services) {
    const key = `${s.accountId} ${s.region}`;
    scopes.set(key, [...(scopes.get(key) ?? []), s]);
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
