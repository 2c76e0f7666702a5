import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
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
