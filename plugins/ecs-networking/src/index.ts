/**
 * ECS Networking frontend plugin: endpoint names, dependency edges and wiring
 * findings on catalog pages, the network page and the ownership lookup.
 *
 * @packageDocumentation
 */

export {
  ecsNetworkingPlugin,
  EcsNetworkingPage,
  EcsGeneratedFilesPage,
  EntityEcsNetworkingCard,
  EntityEcsNetworkingContent,
  EntityEcsNamespaceCard,
} from './plugin';
export { isEcsNetworkingAvailable } from './isEcsNetworkingAvailable';
export { isEcsNamespace } from './isEcsNamespace';
export {
  ecsNetworkingApiRef,
  EcsNetworkingClient,
  type EcsNetworkingApi,
} from './api';
export {
  EcsNamespacePickerFieldExtension,
  EcsEndpointPickerFieldExtension,
  EcsServicePickerFieldExtension,
  EcsPlanCheckFieldExtension,
  EcsAccountPickerFieldExtension,
  EcsRegionPickerFieldExtension,
  EcsClusterPickerFieldExtension,
  EcsAccountPicker,
  EcsRegionPicker,
  EcsClusterPicker,
  EcsPlanCheck,
  type EcsPlanCheckUiOptions,
  EcsNamespacePicker,
  EcsEndpointPicker,
  EcsServicePicker,
  type EcsNamespacePickerUiOptions,
  type EcsEndpointPickerUiOptions,
  type EcsServicePickerUiOptions,
  type EcsServicePickerValue,
} from './scaffolder';
