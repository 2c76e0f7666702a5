import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  DNS_NAME,
  ENDPOINT_NAME,
  matchesNameRule,
} from '@ecs-net/plugin-ecs-networking-common';
import type { EcsEndpointPickerUiOptions } from './EcsEndpointPicker';
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
