import type { Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Chip from '@material-ui/core/Chip';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  describeEndpoint,
  endpointOptions,
  openErrorsText,
  type ScopeUiOptions,
} from './networkOptions';
import { defaultHelp } from './fieldHelp';
import { OptionText } from './OptionText';
import { useScopedChoices } from './useNetwork';

/** ui:options of EcsEndpointPicker. */
export interface EcsEndpointPickerUiOptions extends ScopeUiOptions {
  /** Mechanisms to offer (connect, dns, http-api, load-balancer). Default: all. */
  mechanisms?: Mechanism[];
}

/**
 * Picks the endpoints a new service will call, from what the ECS Networking
 * backend serves for the form's account and region, showing who answers on
 * each and who owns it. Stores endpoint names (`order-service:8080`).
 */
export const EcsEndpointPicker = (
  props: FieldExtensionComponentProps<string[], EcsEndpointPickerUiOptions>,
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
  const mechanisms = uiOptions?.mechanisms;
  const { network, loading, error, choices, byName, where } = useScopedChoices(
    uiOptions,
    formContext?.formData,
    (net, scope) => endpointOptions(net, scope, mechanisms),
    (mechanisms ?? []).join(','),
  );
  const value = formData ?? [];
  const unknown = network && !loading ? value.filter(v => !byName.has(v)) : [];
  // Chosen endpoints whose service has open error findings: allowed (the
  // person may know better), but said, with whom to ask.
  const broken = value.flatMap(v => {
    const option = byName.get(v);
    return option?.openErrors.length ? [option] : [];
  });

  let help = defaultHelp(
    schema,
    uiSchema,
    'Each becomes an environment variable pointing at the endpoint.',
  );
  if (broken.length > 0) {
    help = `Served by a service with open errors: ${broken
      .map(
        o =>
          `${o.value} (${o.service}, ${openErrorsText(o)}; ask ${
            o.owner ?? 'its team'
          })`,
      )
      .join('; ')}`;
  }
  if (unknown.length > 0) {
    help = `Not an endpoint${where}: ${unknown.join(', ')}`;
  }
  if (error) {
    help = `Could not load endpoints from ECS Networking: ${error.message}`;
  }

  return (
    <FormControl
      margin="normal"
      required={required}
      error={(rawErrors?.length ?? 0) > 0 || unknown.length > 0}
      fullWidth
    >
      <Autocomplete
        id={idSchema?.$id}
        multiple
        filterSelectedOptions
        options={[...choices.map(c => c.value), ...unknown]}
        value={value}
        loading={loading}
        disabled={disabled}
        onChange={(_event, names) => onChange(names)}
        filterOptions={(options, state) => {
          const query = state.inputValue.toLowerCase();
          return options.filter(name => {
            const option = byName.get(name);
            const text = option ? `${name} ${describeEndpoint(option)}` : name;
            return text.toLowerCase().includes(query);
          });
        }}
        renderTags={(names, getTagProps) =>
          names.map((name, index) => (
            <Chip
              {...getTagProps({ index })}
              key={name}
              size="small"
              color={
                byName.get(name)?.openErrors.length ? 'secondary' : 'default'
              }
              label={
                byName.get(name)?.owner
                  ? `${name} (${byName.get(name)!.owner})`
                  : name
              }
            />
          ))
        }
        renderOption={name => {
          const option = byName.get(name);
          return (
            <OptionText
              title={name}
              detail={option && describeEndpoint(option)}
            />
          );
        }}
        renderInput={params => (
          <TextField
            {...params}
            label={schema.title ?? 'Endpoints'}
            placeholder={
              loading
                ? 'Loading endpoints…'
                : 'Search by name, service or owner'
            }
          />
        )}
      />
      {help && <FormHelperText>{help}</FormHelperText>}
    </FormControl>
  );
};
