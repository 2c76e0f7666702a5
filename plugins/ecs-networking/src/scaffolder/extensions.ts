import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { ecsNetworkingPlugin } from '../plugin';
import { EcsEndpointPicker } from './EcsEndpointPicker';
import { EcsNamespacePicker } from './EcsNamespacePicker';
import {
  EcsEndpointPickerFieldSchema,
  EcsNamespacePickerFieldSchema,
} from './schemas';
import {
  ecsEndpointPickerValidation,
  ecsNamespacePickerValidation,
} from './validation';

/**
 * `ui:field: EcsNamespacePicker` for the legacy frontend system: a Cloud Map
 * namespace of the form's account and region, filtered by type.
 *
 * @public
 */
export const EcsNamespacePickerFieldExtension = ecsNetworkingPlugin.provide(
  createScaffolderFieldExtension({
    name: 'EcsNamespacePicker',
    component: EcsNamespacePicker,
    validation: ecsNamespacePickerValidation,
    schema: EcsNamespacePickerFieldSchema.schema,
  }),
);

/**
 * `ui:field: EcsEndpointPicker` for the legacy frontend system: endpoints to
 * depend on, with who answers on them and who owns them.
 *
 * @public
 */
export const EcsEndpointPickerFieldExtension = ecsNetworkingPlugin.provide(
  createScaffolderFieldExtension({
    name: 'EcsEndpointPicker',
    component: EcsEndpointPicker,
    validation: ecsEndpointPickerValidation,
    schema: EcsEndpointPickerFieldSchema.schema,
  }),
);
