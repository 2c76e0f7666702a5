import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { ecsNetworkingPlugin } from '../plugin';
import { EcsEndpointPicker } from './EcsEndpointPicker';
import {
  EcsAccountPicker,
  ecsAccountPickerValidation,
  EcsClusterPicker,
  ecsClusterPickerValidation,
  EcsRegionPicker,
  ecsRegionPickerValidation,
} from './EcsLiveChoicePicker';
import { EcsNamespacePicker } from './EcsNamespacePicker';
import { EcsPlanCheck } from './EcsPlanCheck';
import { EcsServicePicker } from './EcsServicePicker';
import {
  EcsEndpointPickerFieldSchema,
  EcsLiveChoicePickerFieldSchema,
  EcsNamespacePickerFieldSchema,
  EcsPlanCheckFieldSchema,
  EcsServicePickerFieldSchema,
} from './schemas';
import {
  ecsEndpointPickerValidation,
  ecsNamespacePickerValidation,
  ecsPlanCheckValidation,
  ecsServicePickerValidation,
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

/**
 * `ui:field: EcsServicePicker` for the legacy frontend system: a live ECS
 * service (optionally only those on App Mesh) with the Service Connect names
 * its migration will use.
 *
 * @public
 */
export const EcsServicePickerFieldExtension = ecsNetworkingPlugin.provide(
  createScaffolderFieldExtension({
    name: 'EcsServicePicker',
    component: EcsServicePicker,
    validation: ecsServicePickerValidation,
    schema: EcsServicePickerFieldSchema.schema,
  }),
);

/**
 * `ui:field: EcsPlanCheck` for the legacy frontend system: the planned
 * service checked against the live network as the person types, with the
 * checks of `ecs-networking:validate`.
 *
 * @public
 */
export const EcsPlanCheckFieldExtension = ecsNetworkingPlugin.provide(
  createScaffolderFieldExtension({
    name: 'EcsPlanCheck',
    component: EcsPlanCheck,
    validation: ecsPlanCheckValidation,
    schema: EcsPlanCheckFieldSchema.schema,
  }),
);

/**
 * `ui:field: EcsAccountPicker` for the legacy frontend system: an account
 * ECS Networking is configured to read.
 *
 * @public
 */
export const EcsAccountPickerFieldExtension = ecsNetworkingPlugin.provide(
  createScaffolderFieldExtension({
    name: 'EcsAccountPicker',
    component: EcsAccountPicker,
    validation: ecsAccountPickerValidation,
    schema: EcsLiveChoicePickerFieldSchema.schema,
  }),
);

/**
 * `ui:field: EcsRegionPicker` for the legacy frontend system: a region ECS
 * Networking reads in the form's account.
 *
 * @public
 */
export const EcsRegionPickerFieldExtension = ecsNetworkingPlugin.provide(
  createScaffolderFieldExtension({
    name: 'EcsRegionPicker',
    component: EcsRegionPicker,
    validation: ecsRegionPickerValidation,
    schema: EcsLiveChoicePickerFieldSchema.schema,
  }),
);

/**
 * `ui:field: EcsClusterPicker` for the legacy frontend system: a live cluster
 * of the form's account and region, with its default namespace.
 *
 * @public
 */
export const EcsClusterPickerFieldExtension = ecsNetworkingPlugin.provide(
  createScaffolderFieldExtension({
    name: 'EcsClusterPicker',
    component: EcsClusterPicker,
    validation: ecsClusterPickerValidation,
    schema: EcsLiveChoicePickerFieldSchema.schema,
  }),
);
