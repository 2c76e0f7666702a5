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

/**
 * `ui:field: EcsServicePicker` for the new frontend system.
 *
 * @alpha
 */
export const ecsServicePickerFormField = FormFieldBlueprint.make({
  name: 'ecs-service-picker',
  params: {
    field: () => import('./formFields').then(m => m.ecsServicePickerField),
  },
});

/**
 * `ui:field: EcsPlanCheck` for the new frontend system.
 *
 * @alpha
 */
export const ecsPlanCheckFormField = FormFieldBlueprint.make({
  name: 'ecs-plan-check',
  params: {
    field: () => import('./formFields').then(m => m.ecsPlanCheckField),
  },
});
