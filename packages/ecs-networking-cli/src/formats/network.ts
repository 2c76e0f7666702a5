import { endpointSettings, type NetworkModel } from '@ecs-net/plugin-ecs-networking-common';
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
