import type { Finding, NetworkModel } from '../model';
import { describeService, servicesByArn, withOwners } from './owners';
import type { PlanFragment } from './planFragment';
import type { AddProblem, PlannedService, Problem } from './types';

/**
 * Rules that only warn about live state but block a plan: a new service is
 * created with an owner and without App Mesh, and a name clash in a Cloud Map
 * namespace means one of the two Cloud Map services cannot be created.
 */
const BLOCKING_FOR_PLANNED = new Set(['owner-tag-missing', 'app-mesh-in-use']);
const BLOCKING_WHEN_CAUSED = new Set(['discovery-name-conflict']);

function findingKey(finding: Finding): string {
  return [finding.ruleId, finding.subject.arn, finding.message].join('\u0000');
}

interface BaselineFindings {
  /** The findings themselves: a plan's model shares those it does not change. */
  objects: Set<Finding>;
  keys: Set<string>;
}

const findingsOf = new WeakMap<NetworkModel, BaselineFindings>();

/** A baseline's findings, and their keys, once per baseline. */
function baselineFindings(baseline: NetworkModel): BaselineFindings {
  let known = findingsOf.get(baseline);
  if (!known) {
    known = {
      objects: new Set(baseline.findings),
      keys: new Set(baseline.findings.map(findingKey)),
    };
    findingsOf.set(baseline, known);
  }
  return known;
}

function severityOf(finding: Finding, own: boolean): Problem['severity'] {
  if (own && BLOCKING_FOR_PLANNED.has(finding.ruleId)) return 'error';
  if (BLOCKING_WHEN_CAUSED.has(finding.ruleId)) return 'error';
  return finding.severity;
}

/**
 * Step 5: the lint rules' findings as problems of the plan: every finding
 * on what the plan creates, and findings on live services only where the
 * plan causes them (they are not in the baseline). Each names the owners of
 * the live services it mentions.
 */
export function findingProblems(
  plan: PlannedService,
  fragment: PlanFragment,
  model: NetworkModel,
  baseline: NetworkModel,
  add: AddProblem,
): void {
  const { planned, suppressed, analysisArn } = fragment;
  const before = baselineFindings(baseline);
  // A clash is reported on both sides; the side of the plan says it already.
  const ownRules = new Set(
    model.findings.filter(f => planned.has(f.subject.arn)).map(f => f.ruleId),
  );
  const services = servicesByArn(model);
  for (const finding of model.findings) {
    const own = planned.has(finding.subject.arn);
    if (own ? suppressed.has(finding.ruleId) : skipLive(finding)) continue;
    const subject = own
      ? ''
      : `${
          finding.subject.kind === 'service'
            ? 'Live service'
            : `Live ${finding.subject.kind}`
        } ${describeService(
          services.get(finding.subject.arn),
          finding.subject.name,
        )}: `;
    add(severityOf(finding, own), {
      ruleId: finding.ruleId,
      message: `${subject}${withOwners(
        finding.message,
        model,
        plan,
        analysisArn,
      )}`,
      fix: finding.fix,
    });
  }

  function skipLive(finding: Finding): boolean {
    return (
      before.objects.has(finding) ||
      before.keys.has(findingKey(finding)) ||
      ownRules.has(finding.ruleId) ||
      finding.ruleId === 'namespace-unused'
    );
  }
}
