import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { EcsEndpointPicker } from './EcsEndpointPicker';
import { EcsNamespacePicker } from './EcsNamespacePicker';
import { EcsPlanCheck } from './EcsPlanCheck';
import { EcsServicePicker } from './EcsServicePicker';
import {
  EcsEndpointPickerFieldSchema,
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
