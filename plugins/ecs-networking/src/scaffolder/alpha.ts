import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

type FormFields = typeof import('./formFields');

/** A form field extension whose field (and its code) loads when first used. */
function lazyFormField(
  name: string,
  pick: (fields: FormFields) => FormFields[keyof FormFields],
) {
  return FormFieldBlueprint.make({
    name,
    params: { field: () => import('./formFields').then(pick) },
  });
}

/**
 * `ui:field: EcsNamespacePicker` for the new frontend system. Add it to the
 * plugin's `extensions`; it attaches to the scaffolder's form fields.
 *
 * @alpha
 */
export const ecsNamespacePickerFormField = lazyFormField(
  'ecs-namespace-picker',
  m => m.ecsNamespacePickerField,
);

/** `ui:field: EcsEndpointPicker` for the new frontend system. @alpha */
export const ecsEndpointPickerFormField = lazyFormField(
  'ecs-endpoint-picker',
  m => m.ecsEndpointPickerField,
);

/** `ui:field: EcsServicePicker` for the new frontend system. @alpha */
export const ecsServicePickerFormField = lazyFormField(
  'ecs-service-picker',
  m => m.ecsServicePickerField,
);

/** `ui:field: EcsPlanCheck` for the new frontend system. @alpha */
export const ecsPlanCheckFormField = lazyFormField(
  'ecs-plan-check',
  m => m.ecsPlanCheckField,
);

/** `ui:field: EcsAccountPicker` for the new frontend system. @alpha */
export const ecsAccountPickerFormField = lazyFormField(
  'ecs-account-picker',
  m => m.ecsAccountPickerField,
);

/** `ui:field: EcsRegionPicker` for the new frontend system. @alpha */
export const ecsRegionPickerFormField = lazyFormField(
  'ecs-region-picker',
  m => m.ecsRegionPickerField,
);

/** `ui:field: EcsClusterPicker` for the new frontend system. @alpha */
export const ecsClusterPickerFormField = lazyFormField(
  'ecs-cluster-picker',
  m => m.ecsClusterPickerField,
);
