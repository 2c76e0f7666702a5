import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useMemo } from 'react';
import { ecsNetworkingApiRef } from '../api';
import { liveChoices, type LiveChoiceKind } from './liveChoices';
import { loadLiveNetwork, useLiveNetwork } from './liveNetwork';
import type { ScopeUiOptions } from './networkOptions';
import { defaultHelp } from './fieldHelp';
import { OptionText } from './OptionText';

const NOUNS: Record<LiveChoiceKind, string> = {
  account: 'AWS account',
  region: 'region',
  cluster: 'ECS cluster',
};

const SOURCES: Record<LiveChoiceKind, string> = {
  account: 'the accounts ECS Networking is configured to read',
  region: 'the regions ECS Networking reads in this account',
  cluster: 'the live clusters of this account and region',
};

/**
 * A picker of one live value (account, region or cluster): the choices
 * ECS Networking serves, each with what it is, narrowed by the form's
 * account and region. Stores the value.
 */
function createLiveChoicePicker(kind: LiveChoiceKind) {
  return (props: FieldExtensionComponentProps<string, ScopeUiOptions>) => {
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
    const form = formContext?.formData;
    const { value: live, loading, error } = useLiveNetwork();
    const key = JSON.stringify([uiOptions, form]);
    const choices = useMemo(
      () => (live ? liveChoices(kind, live, uiOptions, form) : []),
      // Options and form are new objects on each render; their content counts.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [live, key],
    );
    const byValue = new Map(choices.map(c => [c.value, c]));
    const unknown = !!formData && !!live && !byValue.has(formData);

    let help = defaultHelp(schema, uiSchema, `One of ${SOURCES[kind]}.`);
    if (unknown) help = `${formData} is not one of ${SOURCES[kind]}.`;
    if (error) {
      help = `Could not load from ECS Networking: ${error.message}`;
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
          options={[
            ...new Set([
              ...choices.map(c => c.value),
              ...(unknown ? [formData!] : []),
            ]),
          ]}
          value={formData ?? null}
          loading={loading}
          disabled={disabled}
          onChange={(_event, value) => onChange(value ?? undefined)}
          renderOption={value => (
            <OptionText title={value} detail={byValue.get(value)?.detail} />
          )}
          renderInput={params => (
            <TextField
              {...params}
              label={schema.title ?? NOUNS[kind]}
              required={required}
              placeholder={loading ? 'Loading…' : undefined}
            />
          )}
        />
        {help && <FormHelperText>{help}</FormHelperText>}
      </FormControl>
    );
  };
}

/** The value must be one the picker offers. */
function createLiveChoiceValidation(
  kind: LiveChoiceKind,
): CustomFieldValidator<string, ScopeUiOptions> {
  return async (value, validation, { apiHolder, formData, uiSchema }) => {
    const api = apiHolder.get(ecsNetworkingApiRef);
    if (!value || !api) return;
    // The picker already said when the backend cannot be reached.
    const live = await loadLiveNetwork(api).catch(() => undefined);
    if (!live) return;
    const choices = liveChoices(kind, live, uiSchema?.['ui:options'], formData);
    if (choices.some(c => c.value === value)) return;
    validation.addError(
      `${value} is not one of ${SOURCES[kind]}: ${
        choices.map(c => c.value).join(', ') || 'none'
      }.`,
    );
  };
}

/** An account ECS Networking is configured to read. */
export const EcsAccountPicker = createLiveChoicePicker('account');
/** A region ECS Networking reads in the form's account. */
export const EcsRegionPicker = createLiveChoicePicker('region');
/** A live cluster of the form's account and region, with its default namespace. */
export const EcsClusterPicker = createLiveChoicePicker('cluster');

export const ecsAccountPickerValidation = createLiveChoiceValidation('account');
export const ecsRegionPickerValidation = createLiveChoiceValidation('region');
export const ecsClusterPickerValidation = createLiveChoiceValidation('cluster');
