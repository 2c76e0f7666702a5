import { openErrorsOf } from '../findingSubjects';
import type { ModelService, NetworkModel } from '../model';
import { bindDependencies } from './dependencies';
import { servicesByArn } from './owners';
import type { PlanFragment } from './planFragment';
import { endpointSuggestions } from './suggestions';
import type { AddProblem, PlannedService, ResolvedDependency } from './types';

/**
 * A dependency served by a service with open error findings works no better
 * than that service: say so (a warning: the plan is not wrong, the
 * dependency is), once per provider.
 */
function warnAboutBrokenProviders(
  providers: Map<ModelService, ResolvedDependency>,
  model: NetworkModel,
  add: AddProblem,
): void {
  for (const [provider, dependency] of providers) {
    const errors = openErrorsOf(provider, model.findings);
    if (errors.length === 0) continue;
    const owner = dependency.owner ?? 'nobody (no owner tag)';
    add('warning', {
      ruleId: 'dependency-has-errors',
      message: `Dependency ${dependency.resolved} is served by ${
        dependency.service
      }, owned by ${owner}, which has ${errors.length} open error finding${
        errors.length === 1 ? '' : 's'
      }: ${errors.map(e => `${e.message} [${e.ruleId}]`).join(' ')}`,
      fix: `Ask ${owner} to fix it (see the service's Network tab), or expect calls to ${dependency.resolved} to fail until then.`,
    });
  }
}

/** Evidence the plan itself declares (not observed traffic, not tags). */
const DECLARED = new Set(['environment', 'command', 'entryPoint']);

function hostOf(reference: string): string {
  return reference
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[:/].*$/, '');
}

/**
 * Step 4: every dependency the plan declares must have become an edge of the
 * merged model; every call the service will make (declared in the form or
 * found in its container definitions) is resolved to the service and owner
 * answering it, and every reference that names nothing is a problem.
 */
export function dependencyProblems(
  plan: PlannedService,
  fragment: PlanFragment,
  model: NetworkModel,
  add: AddProblem,
): ResolvedDependency[] {
  const serviceArn = fragment.analysisArn;
  const bindings = bindDependencies(plan.dependencies);
  const ownEndpoints = model.endpoints.filter(e => e.serviceArn === serviceArn);
  const outbound = model.edges.filter(e => e.from === serviceArn);

  const reported = new Set<string>();
  for (const binding of bindings) {
    const bound = outbound.some(e =>
      e.evidence.some(ev => ev.variable === binding.variable),
    );
    if (bound) continue;
    reported.add(binding.variable);
    if (ownEndpoints.some(e => e.host === binding.host)) {
      add('error', {
        ruleId: 'dependency-unknown',
        message: `Dependency "${binding.endpoint}" is an endpoint of the new service itself.`,
        fix: 'Remove it from the dependencies.',
      });
    } else {
      add('error', {
        ruleId: 'dependency-unknown',
        message: `Dependency "${binding.endpoint}" names no endpoint known in ${
          plan.accountId
        } / ${
          plan.region
        } (or any other account and region the plugin reads).${endpointSuggestions(
          model,
          plan,
          binding.host,
        )}`,
        fix: 'Pick the dependency from the endpoint list, with the exact host and port.',
      });
    }
  }

  const services = servicesByArn(model);
  const called = new Set(outbound.map(e => e.endpointId));
  const endpoints = new Map(
    model.endpoints.filter(e => called.has(e.id)).map(e => [e.id, e]),
  );
  const resolved: ResolvedDependency[] = [];
  const providers = new Map<ModelService, ResolvedDependency>();
  for (const edge of outbound) {
    const provider = services.get(edge.to);
    for (const evidence of edge.evidence) {
      if (!DECLARED.has(evidence.kind)) continue;
      const binding = bindings.find(b => b.variable === evidence.variable);
      const dependency: ResolvedDependency = {
        endpoint: binding?.endpoint ?? evidence.reference,
        resolved: endpoints.get(edge.endpointId)?.name ?? edge.endpointId,
        mechanism: edge.mechanism,
        service: provider ? `${provider.cluster}/${provider.name}` : edge.to,
        owner: provider?.owner,
        variable: evidence.variable ?? '',
        value: binding?.value ?? evidence.reference,
      };
      resolved.push(dependency);
      if (provider && !providers.has(provider))
        providers.set(provider, dependency);
    }
  }

  warnAboutBrokenProviders(providers, model, add);

  for (const unresolved of model.unresolved) {
    if (unresolved.serviceArn !== serviceArn) continue;
    const variable =
      unresolved.source.kind === 'environment'
        ? unresolved.source.variable
        : undefined;
    if (variable && reported.has(variable)) continue;
    add('error', {
      ruleId: 'dependency-unknown',
      message: `Container ${unresolved.container}${
        variable ? ` variable ${variable}` : ''
      } calls ${
        unresolved.reference
      }, which no known endpoint answers.${endpointSuggestions(
        model,
        plan,
        hostOf(unresolved.reference),
      )}`,
      fix: 'Point the variable at an existing endpoint (host and port exactly as listed), or create that service first.',
    });
  }
  return resolved;
}
