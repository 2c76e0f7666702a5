import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * `ui:field: EcsNamespacePicker` for the new frontend system. Add it to the
 * plugin's `extensions`; it attaches to the scaffolder's form fields.
 *
 * @alpha
 */
export const ecsNamespacePickerFormField = FormFieldBlueprint.make({
  name: 'ecs-namespace-picker',
  params: {
    field: () => import('./formFields').then(m => m.ecsNamespacePickerField),
  },
});

/**
 * `ui:field: EcsEndpointPicker` for the new frontend system.
 *
 * @alpha
 */
export const ecsEndpointPickerFormField = FormFieldBlueprint.make({
  name: 'ecs-endpoint-picker',
  params: {
    field: () => import('./formFields').then(m => m.ecsEndpointPickerField),
  },
});
