import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  DNS_NAME,
  ENDPOINT_NAME,
  matchesNameRule,
  notOnAppMeshMessage,
  serviceMigrationOf,
} from '@ecs-net/plugin-ecs-networking-common';
import type { EcsEndpointPickerUiOptions } from './EcsEndpointPicker';
import type { EcsServicePickerUiOptions } from './EcsServicePicker';
import { checkForm, describeFormProblem } from './formProblems';
import type { EcsPlanCheckUiOptions } from './formPlan';
import { loadLiveNetwork } from './liveNetwork';
import type { EcsServicePickerValue } from './serviceMigrationValue';
import { serviceOptions } from './serviceOptions';
import type { EcsNamespacePickerUiOptions } from './EcsNamespacePicker';
import { ecsNetworkingApiRef } from '../api';
import { endpointOptions, namespaceOptions, scopeOf } from './networkOptions';

type ApiHolder = Parameters<CustomFieldValidator<string>>[2]['apiHolder'];

async function loadNetwork(apiHolder: ApiHolder) {
  // The picker already said when the backend cannot be reached; do not
  // block the form on it here.
  return apiHolder
    .get(ecsNetworkingApiRef)
    ?.getNetwork()
    .catch(() => undefined);
}

/**
 * The namespace must be a DNS name and, when the network can be read, one of
 * the namespaces the picker offers (the account and region come from
 * ui:options or from fields of the same step).
 */
export const ecsNamespacePickerValidation: CustomFieldValidator<
  string,
  EcsNamespacePickerUiOptions
> = async (value, validation, { apiHolder, formData, uiSchema }) => {
  if (!value) return;
  if (!matchesNameRule(DNS_NAME, value)) {
    validation.addError(
      `${value} is not a namespace name: dot-separated DNS labels of lowercase letters, digits and "-".`,
    );
    return;
  }
  const network = await loadNetwork(apiHolder);
  if (!network) return;
  const options = uiSchema?.['ui:options'];
  const scope = scopeOf(options, formData);
  if (
    !namespaceOptions(network, scope, options?.types).some(
      o => o.value === value,
    )
  ) {
    const types = options?.types?.length ? ` ${options.types.join('/')}` : '';
    const where =
      scope.accountId || scope.region
        ? ` in ${scope.accountId ?? '*'} / ${scope.region ?? '*'}`
        : '';
    validation.addError(`There is no${types} namespace ${value}${where}.`);
  }
};

/** Every chosen endpoint must be an endpoint name the network knows. */
export const ecsEndpointPickerValidation: CustomFieldValidator<
  string[],
  EcsEndpointPickerUiOptions
> = async (value, validation, { apiHolder, formData, uiSchema }) => {
  if (!value?.length) return;
  const malformed = value.filter(v => !matchesNameRule(ENDPOINT_NAME, v));
  if (malformed.length) {
    validation.addError(`Not endpoint names: ${malformed.join(', ')}.`);
    return;
  }
  const network = await loadNetwork(apiHolder);
  if (!network) return;
  const options = uiSchema?.['ui:options'];
  const known = new Set(
    endpointOptions(
      network,
      scopeOf(options, formData),
      options?.mechanisms,
    ).map(o => o.value),
  );
  const unknown = value.filter(v => !known.has(v));
  if (unknown.length)
    validation.addError(`No such endpoint: ${unknown.join(', ')}.`);
};

/**
 * The service must be one the picker offers: with `appMeshOnly`, one that
 * uses App Mesh, in the words the describe-service action refuses others.
 */
export const ecsServicePickerValidation: CustomFieldValidator<
  EcsServicePickerValue,
  EcsServicePickerUiOptions
> = async (value, validation, { apiHolder, formData, uiSchema }) => {
  const arn = value?.serviceArn;
  const api = apiHolder.get(ecsNetworkingApiRef);
  if (!arn || !api) return;
  // The picker already said when the backend cannot be reached.
  const live = await loadLiveNetwork(api).catch(() => undefined);
  if (!live) return;
  const options = uiSchema?.['ui:options'];
  const offered = serviceOptions(
    live,
    scopeOf(options, formData),
    options?.appMeshOnly,
  );
  if (offered.some(o => o.value === arn)) return;
  const migration = serviceMigrationOf(live.snapshots, arn);
  validation.addError(
    migration && options?.appMeshOnly
      ? notOnAppMeshMessage(migration)
      : `${arn} is not a live ECS service here.`,
  );
};

/**
 * Blocks the step while the plan has errors in its fields, each named with
 * its field and fix; warnings do not block (the action lets them pass too).
 */
export const ecsPlanCheckValidation: CustomFieldValidator<
  string,
  EcsPlanCheckUiOptions
> = async (_value, validation, { apiHolder, formData, uiSchema }) => {
  const options = uiSchema?.['ui:options'];
  const api = apiHolder.get(ecsNetworkingApiRef);
  if (!options || !api) return;
  // Unreachable live state is shown by the field; the action checks after Create.
  const live = await loadLiveNetwork(api).catch(() => undefined);
  if (!live) return;
  const check = checkForm(live, options, formData as Record<string, unknown>);
  if (check.state !== 'checked') return;
  for (const problem of check.problems) {
    if (problem.severity === 'error')
      validation.addError(describeFormProblem(problem));
  }
};
