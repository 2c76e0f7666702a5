import type { ScopeOutcome } from './scan';
import type {
  Evidence,
  FindingSubject,
  Mechanism,
  NetworkModel,
  Severity,
} from '@ecs-net/plugin-ecs-networking-common';

/**
 * The documented `scan --format json` output. Field names are part of the
 * CLI's contract with pipelines; add fields, never rename them.
 */
export interface ScanJson {
  schemaVersion: 1;
  services: Array<{
    arn: string;
    name: string;
    cluster: string;
    account: string;
    region: string;
    owner: string | null;
    endpoints: string[];
  }>;
  edges: Array<{
    from: string;
    to: string;
    endpoint: string;
    mechanism: Mechanism;
    evidence: Evidence[];
  }>;
  findings: Array<{
    rule: string;
    severity: Severity;
    subject: FindingSubject;
    message: string;
    fix: string;
  }>;
  unresolved: Array<{ service: string; container: string; reference: string }>;
  /** Every account × region asked for: whether it was read, and what it went without. */
  scopes: Array<{
    account: string;
    region: string;
    read: boolean;
    error?: string;
    skipped: string[];
    anomalies: string[];
  }>;
}

export function toScanJson(model: NetworkModel, scopes: ScopeOutcome[]): ScanJson {
  const endpointName = new Map(model.endpoints.map(e => [e.id, e.name]));
  return {
    schemaVersion: 1,
    services: model.services.map(s => ({
      arn: s.arn,
      name: s.name,
      cluster: s.cluster,
      account: s.accountId,
      region: s.region,
      owner: s.owner ?? null,
      endpoints: s.endpointIds.map(id => endpointName.get(id) ?? id),
    })),
    edges: model.edges.map(e => ({
      from: e.from,
      to: e.to,
      endpoint: endpointName.get(e.endpointId) ?? e.endpointId,
      mechanism: e.mechanism,
      evidence: e.evidence,
    })),
    findings: model.findings.map(f => ({
      rule: f.ruleId,
      severity: f.severity,
      subject: f.subject,
      message: f.message,
      fix: f.fix,
    })),
    unresolved: model.unresolved.map(u => ({
      service: u.serviceArn,
      container: u.container,
      reference: u.reference,
    })),
    scopes: scopes.map(s => ({
      account: s.accountId,
      region: s.region,
      read: !s.error,
      ...(s.error ? { error: s.error } : {}),
      skipped: s.skipped,
      anomalies: s.anomalies,
    })),
  };
}
