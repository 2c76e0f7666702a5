import type { Finding } from '../model';
import { componentDrifts, unobservedSince } from './drift';
import { finding, LintRule, serviceSubject } from './types';

const UNITS: Array<[string, number]> = [
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** `7 days`, `12 hours`, `30 minutes`: the configured wait as a person reads it. */
function wait(ms: number): string {
  const [unit, size] = UNITS.find(([, length]) => ms % length === 0) ?? UNITS[UNITS.length - 1];
  const count = Math.ceil(ms / size);
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** @public */
export const dependencyNotObserved: LintRule = {
  id: 'dependency-not-observed',
  severity: 'info',
  title: 'Declared dependency with no network evidence',
  description:
    "A catalog Component declares a dependency (spec.dependsOn or spec.consumesApis) on a service in the network, and none of the Component's services has been seen calling it (no container reference, no traffic metrics) for the configured time (ecsNetworking.drift.notObservedAfter, default 7 days): a stale declaration, or a call made in a way this plugin cannot see. Declarations of things outside the network read (databases, SaaS APIs) are not reported. Only reported where the catalog was read (the backend plugin).",
  check(context) {
    const { drift } = context;
    if (!drift) return [];
    const now = Date.parse(drift.now);
    const findings: Finding[] = [];
    for (const component of componentDrifts(context)) {
      for (const { dependency, targets } of component.unobserved) {
        const since = unobservedSince(context, drift, component.services, targets);
        if (now - Date.parse(since) < drift.notObservedAfterMs) continue;
        const caller = component.services[0];
        const quiet = drift.notObservedAfterMs > 0 ? ` for ${wait(drift.notObservedAfterMs)} or more` : '';
        findings.push(
          finding(
            dependencyNotObserved,
            serviceSubject(caller),
            `${component.component} declares ${dependency.ref} in spec.${dependency.relation}, but no network evidence has shown its services calling it${quiet}.`,
            `If the dependency is gone, remove "- ${dependency.ref}" from spec.${dependency.relation} of ${component.component}; if it is real, name the endpoint in the caller's configuration so it can be seen.`,
          ),
        );
      }
    }
    return findings;
  },
};
