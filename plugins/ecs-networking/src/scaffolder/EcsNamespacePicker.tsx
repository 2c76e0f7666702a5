import type { NamespaceType } from '@ecs-net/plugin-ecs-networking-common';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import { defaultHelp } from './fieldHelp';
import { OptionText } from './OptionText';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useEffect } from 'react';
import { clusterDefaultNamespace } from './liveChoices';
import { useLiveNetwork } from './liveNetwork';
import {
  namespaceOptions,
  scopeOf,
  type ScopeUiOptions,
} from './networkOptions';
import { useScopedChoices } from './useNetwork';

/** ui:options of EcsNamespacePicker. */
export interface EcsNamespacePickerUiOptions extends ScopeUiOptions {
  /** Namespace types to offer (HTTP, DNS_PRIVATE, DNS_PUBLIC). Default: all. */
  types?: NamespaceType[];
  /**
   * Form field holding the cluster, whose default Service Connect namespace
   * is preselected when it is on offer. Default `cluster`.
   */
  clusterField?: string;
}

const TYPE_LABELS: Record<NamespaceType, string> = {
  HTTP: 'HTTP (API only)',
  DNS_PRIVATE: 'private DNS',
  DNS_PUBLIC: 'public DNS',
};

/**
 * Starts an empty picker at the default Service Connect namespace of the
 * form's cluster, when that namespace is one it offers.
 */
function usePreselectClusterDefault(
  props: FieldExtensionComponentProps<string, EcsNamespacePickerUiOptions>,
  offered: Map<string, unknown>,
) {
  const { formData, onChange, uiSchema, formContext } = props;
  const { value: live } = useLiveNetwork();
  const options = uiSchema?.['ui:options'];
  const form = formContext?.formData;
  const scope = scopeOf(options, form);
  const cluster = (form as Record<string, unknown> | undefined)?.[
    options?.clusterField ?? 'cluster'
  ];
  const preselect =
    live && typeof cluster === 'string'
      ? clusterDefaultNamespace(live, scope, cluster)
      : undefined;
  useEffect(() => {
    if (!formData && preselect && offered.has(preselect)) onChange(preselect);
    // Only a missing value is filled in, once the choices are known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preselect, offered]);
}

/**
 * Picks a Cloud Map namespace of the form's account and region, of the
 * allowed types, from what the ECS Networking backend serves. Stores the
 * namespace name, or the ARN of one another account shares with the form's.
 */
export const EcsNamespacePicker = (
  props: FieldExtensionComponentProps<string, EcsNamespacePickerUiOptions>,
) => {
  const {
    onChange,
    formData,
    schema,
    uiSchema,
    rawErrors,
    required,
    disabled,
    formContext,
    idSchema,
  } = props;
  const uiOptions = uiSchema?.['ui:options'];
  const types = uiOptions?.types;
  const { network, loading, error, choices, byName, where } = useScopedChoices(
    uiOptions,
    formContext?.formData,
    (net, scope) => namespaceOptions(net, scope, types),
    (types ?? []).join(','),
  );
  usePreselectClusterDefault(props, byName);
  const kinds = types?.length
    ? types.map(t => TYPE_LABELS[t]).join(' or ')
    : 'Cloud Map';
  const unknown = !!formData && !loading && !!network && !byName.has(formData);

  let help = defaultHelp(schema, uiSchema, `A ${kinds} namespace${where}.`);
  if (unknown) help = `${formData} is not a ${kinds} namespace${where}.`;
  if (error) {
    help = `Could not load namespaces from ECS Networking: ${error.message}`;
  }

  return (
    <FormControl
      margin="normal"
      required={required}
      error={(rawErrors?.length ?? 0) > 0 || unknown}
      fullWidth
    >
      <Autocomplete
        id={idSchema?.$id}
        options={
          unknown && formData
            ? [...choices.map(c => c.value), formData]
            : choices.map(c => c.value)
        }
        value={formData ?? null}
        loading={loading}
        disabled={disabled}
        onChange={(_event, value) => onChange(value ?? undefined)}
        renderOption={value => {
          const option = byName.get(value);
          const place =
            option &&
            `${TYPE_LABELS[option.namespace.type]} · ${
              option.namespace.accountId
            } / ${option.namespace.region}`;
          return (
            <OptionText
              title={option?.sharedBy ? option.namespace.name : value}
              detail={
                option?.sharedBy
                  ? `${place} · shared by ${option.sharedBy} (AWS RAM), used by its ARN ${value}`
                  : place
              }
            />
          );
        }}
        renderInput={params => (
          <TextField
            {...params}
            label={schema.title ?? 'Namespace'}
            required={required}
            placeholder={loading ? 'Loading namespaces…' : undefined}
          />
        )}
      />
      {help && <FormHelperText>{help}</FormHelperText>}
    </FormControl>
  );
};
