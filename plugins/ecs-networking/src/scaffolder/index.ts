/**
 * Scaffolder field extensions of ECS Networking: EcsNamespacePicker and
 * EcsEndpointPicker, for both frontend systems.
 */
export {
  EcsEndpointPickerFieldExtension,
  EcsNamespacePickerFieldExtension,
} from './extensions';
export {
  EcsEndpointPicker,
  type EcsEndpointPickerUiOptions,
} from './EcsEndpointPicker';
export {
  EcsNamespacePicker,
  type EcsNamespacePickerUiOptions,
} from './EcsNamespacePicker';
export {
  EcsEndpointPickerFieldSchema,
  EcsNamespacePickerFieldSchema,
} from './schemas';
