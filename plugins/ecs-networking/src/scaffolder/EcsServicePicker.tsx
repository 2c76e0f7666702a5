import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { defaultHelp } from './fieldHelp';
import { OptionText } from './OptionText';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useMemo } from 'react';
import { scopeOf, type ScopeUiOptions } from './networkOptions';
import { serviceOptions } from './serviceOptions';
import { useLiveNetwork } from './liveNetwork';
import {
  migrationValue,
  type EcsServicePickerValue,
} from './serviceMigrationValue';

/** ui:options of EcsServicePicker. */
export interface EcsServicePickerUiOptions extends ScopeUiOptions {
  /** Offer only services the app-mesh-in-use finding lists. */
  appMeshOnly?: boolean;
}

const NAME_FIELDS: {
  key: Exclude<keyof EcsServicePickerValue, 'serviceArn'>;
  label: string;
}[] = [
  { key: 'namespace', label: 'Service Connect namespace' },
  { key: 'discoveryName', label: 'Discovery name' },
  { key: 'aliasDnsName', label: 'Client alias DNS name' },
  { key: 'aliasPort', label: 'Client alias port' },
  { key: 'portName', label: 'Port name' },
];

/** A property's title, when its schema is an object with one. */
function titleOf(definition: unknown): string | undefined {
  const title = (definition as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? title : undefined;
}

/** What a name field stores: nothing when empty, the port as a number. */
function fieldValue(key: string, text: string): string | number | undefined {
  if (text === '') return undefined;
  return key === 'aliasPort' ? Number(text) : text;
}

/**
 * Picks a live ECS service, labelled with its account, region and owner
 * (one entry per service), and proposes the Service Connect names a
 * migration gives it, which the person may change. Stores the service ARN
 * with those names.
 */
export const EcsServicePicker = (
  props: FieldExtensionComponentProps<
    EcsServicePickerValue,
    EcsServicePickerUiOptions
  >,
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
  const { value: live, loading, error } = useLiveNetwork();
  const scope = scopeOf(uiOptions, formContext?.formData);
  const choices = useMemo(
    () => (live ? serviceOptions(live, scope, uiOptions?.appMeshOnly) : []),
    // `scope` is a new object on each render; these are what it holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [live, scope.accountId, scope.region, uiOptions?.appMeshOnly],
  );
  const byArn = useMemo(
    () => new Map(choices.map(c => [c.value, c])),
    [choices],
  );
  const value = formData ?? {};
  const picked = value.serviceArn ? byArn.get(value.serviceArn) : undefined;

  let help = defaultHelp(
    schema,
    uiSchema,
    uiOptions?.appMeshOnly
      ? 'Services that still use App Mesh.'
      : 'A live ECS service.',
  );
  if (live && !loading && choices.length === 0) {
    help = uiOptions?.appMeshOnly
      ? 'No service uses App Mesh: there is nothing to migrate.'
      : 'No live ECS service here.';
  }
  if (error) {
    help = `Could not load services from ECS Networking: ${error.message}`;
  }

  return (
    <FormControl
      margin="normal"
      required={required}
      error={(rawErrors?.length ?? 0) > 0}
      fullWidth
    >
      <Autocomplete
        id={idSchema?.$id}
        options={choices.map(c => c.value)}
        value={value.serviceArn ?? null}
        loading={loading}
        disabled={disabled}
        getOptionLabel={arn => {
          const option = byArn.get(arn);
          return option ? `${option.label} (${option.detail})` : arn;
        }}
        onChange={(_event, arn) =>
          onChange(arn && live ? migrationValue(live, arn) : {})
        }
        renderOption={arn => {
          const option = byArn.get(arn);
          return (
            <OptionText title={option?.label ?? arn} detail={option?.detail} />
          );
        }}
        renderInput={params => (
          <TextField
            {...params}
            label={schema.title ?? 'ECS service'}
            required={required}
            placeholder={loading ? 'Loading services…' : undefined}
          />
        )}
      />
      {help && <FormHelperText>{help}</FormHelperText>}
      {picked && (
        <Grid container spacing={2}>
          {NAME_FIELDS.map(({ key, label }) => (
            <Grid item xs={12} sm={key === 'aliasPort' ? 4 : 8} key={key}>
              <TextField
                id={`${idSchema?.$id}_${key}`}
                label={titleOf(schema.properties?.[key]) ?? label}
                type={key === 'aliasPort' ? 'number' : 'text'}
                value={value[key] ?? ''}
                disabled={disabled}
                fullWidth
                onChange={event =>
                  onChange({
                    ...value,
                    [key]: fieldValue(key, event.target.value),
                  })
                }
              />
            </Grid>
          ))}
        </Grid>
      )}
    </FormControl>
  );
};
