/**
 * Scaffolder field extensions of ECS Networking: EcsNamespacePicker and
 * EcsEndpointPicker, for both frontend systems.
 */
export {
  EcsEndpointPickerFieldExtension,
  EcsNamespacePickerFieldExtension,
  EcsServicePickerFieldExtension,
  EcsPlanCheckFieldExtension,
  EcsAccountPickerFieldExtension,
  EcsRegionPickerFieldExtension,
  EcsClusterPickerFieldExtension,
} from './extensions';
export {
  EcsAccountPicker,
  EcsClusterPicker,
  EcsRegionPicker,
} from './EcsLiveChoicePicker';
export { EcsPlanCheck } from './EcsPlanCheck';
export type { EcsPlanCheckUiOptions } from './formPlan';
export {
  EcsServicePicker,
  type EcsServicePickerUiOptions,
} from './EcsServicePicker';
export type { EcsServicePickerValue } from './serviceMigrationValue';
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
  EcsServicePickerFieldSchema,
  EcsPlanCheckFieldSchema,
  EcsLiveChoicePickerFieldSchema,
} from './schemas';
