import type {
  Endpoint,
  Mechanism,
  ModelService,
  NetworkModel,
} from '@ecs-net/plugin-ecs-networking-common';
import type { ScanJson } from './scanJson';

/** A file's content as a saved `scan --format json`, or a message saying why it is not one. */
export function parseScanJson(text: string, file: string): ScanJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const scan = value as Partial<ScanJson> | null;
  if (scan?.schemaVersion !== 1) {
    throw new Error(`${file} is not the output of "ecs-networking scan --format json" (schemaVersion 1)`);
  }
  for (const key of ['services', 'edges', 'findings'] as const) {
    if (!Array.isArray(scan[key])) throw new Error(`${file}: "${key}" is not a list`);
  }
  return scan as ScanJson;
}

/**
 * The network model a saved scan tells, for `networkFacts`. Endpoints are
 * known by their names under each service; values the JSON does not carry
 * (task definitions, network modes, endpoint details) are left empty,
 * which the facts leave out, so two scans compare on what they hold.
 */
export function modelFromScanJson(scan: ScanJson): NetworkModel {
  const endpointId = (serviceArn: string, name: string) => `${serviceArn} ${name}`;
  const mechanisms = new Map(scan.edges.map(e => [endpointId(e.to, e.endpoint), e.mechanism]));
  const services: ModelService[] = scan.services.map(s => ({
    arn: s.arn,
    name: s.name,
    cluster: s.cluster,
    clusterArn: '',
    taskDefinitionArn: '',
    accountId: s.account,
    region: s.region,
    ...(s.owner ? { owner: s.owner } : {}),
    networkMode: '',
    serviceConnect: false,
    endpointIds: s.endpoints.map(name => endpointId(s.arn, name)),
    cloudMapServiceArns: [],
  }));
  const endpoints: Endpoint[] = scan.services.flatMap(s =>
    s.endpoints.map(name => ({
      id: endpointId(s.arn, name),
      // Known only for endpoints something calls.
      mechanism: (mechanisms.get(endpointId(s.arn, name)) ?? '') as Mechanism,
      name,
      host: '',
      serviceArn: s.arn,
      accountId: s.account,
      region: s.region,
      reachableFrom: '' as Endpoint['reachableFrom'],
    })),
  );
  return {
    services,
    namespaces: [],
    endpoints,
    edges: scan.edges.map(e => ({
      from: e.from,
      to: e.to,
      endpointId: endpointId(e.to, e.endpoint),
      mechanism: e.mechanism,
      evidence: e.evidence,
    })),
    unresolved: [],
    findings: scan.findings.map(f => ({
      ruleId: f.rule,
      severity: f.severity,
      subject: f.subject,
      message: f.message,
      fix: f.fix,
    })),
  };
}
