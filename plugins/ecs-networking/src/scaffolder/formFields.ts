import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
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

/** The namespace picker as a new-frontend-system form field (loaded lazily). */
export const ecsNamespacePickerField = createFormField({
  name: 'EcsNamespacePicker',
  component: EcsNamespacePicker,
  validation: ecsNamespacePickerValidation,
  schema: EcsNamespacePickerFieldSchema,
});

/** The endpoint picker as a new-frontend-system form field (loaded lazily). */
export const ecsEndpointPickerField = createFormField({
  name: 'EcsEndpointPicker',
  component: EcsEndpointPicker,
  validation: ecsEndpointPickerValidation,
  schema: EcsEndpointPickerFieldSchema,
});

/** The service picker as a new-frontend-system form field (loaded lazily). */
export const ecsServicePickerField = createFormField({
  name: 'EcsServicePicker',
  component: EcsServicePicker,
  validation: ecsServicePickerValidation,
  schema: EcsServicePickerFieldSchema,
});

/** The live plan check as a new-frontend-system form field (loaded lazily). */
export const ecsPlanCheckField = createFormField({
  name: 'EcsPlanCheck',
  component: EcsPlanCheck,
  validation: ecsPlanCheckValidation,
  schema: EcsPlanCheckFieldSchema,
});

/** The account, region and cluster pickers as new-frontend-system form fields. */
export const ecsAccountPickerField = createFormField({
  name: 'EcsAccountPicker',
  component: EcsAccountPicker,
  validation: ecsAccountPickerValidation,
  schema: EcsLiveChoicePickerFieldSchema,
});
export const ecsRegionPickerField = createFormField({
  name: 'EcsRegionPicker',
  component: EcsRegionPicker,
  validation: ecsRegionPickerValidation,
  schema: EcsLiveChoicePickerFieldSchema,
});
export const ecsClusterPickerField = createFormField({
  name: 'EcsClusterPicker',
  component: EcsClusterPicker,
  validation: ecsClusterPickerValidation,
  schema: EcsLiveChoicePickerFieldSchema,
});
