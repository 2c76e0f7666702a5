import { getComponentData } from '@backstage/core-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  ecsEndpointPickerFormField,
  ecsNamespacePickerFormField,
} from './alpha';
import {
  EcsAccountPickerFieldExtension,
  EcsClusterPickerFieldExtension,
  EcsEndpointPickerFieldExtension,
  EcsNamespacePickerFieldExtension,
  EcsPlanCheckFieldExtension,
  EcsRegionPickerFieldExtension,
  EcsServicePickerFieldExtension,
} from './extensions';

describe('field extension registrations', () => {
  it('provides both pickers to the legacy scaffolder under their ui:field names', () => {
    // The legacy scaffolder collects field extensions by this component data.
    const namespace = getComponentData<{ name: string; validation?: unknown }>(
      <EcsNamespacePickerFieldExtension />,
      'scaffolder.extensions.field.v1',
    );
    const endpoint = getComponentData<{ name: string }>(
      <EcsEndpointPickerFieldExtension />,
      'scaffolder.extensions.field.v1',
    );
    expect(namespace).toMatchObject({ name: 'EcsNamespacePicker' });
    expect(endpoint).toMatchObject({ name: 'EcsEndpointPicker' });
    const names = [
      <EcsServicePickerFieldExtension />,
      <EcsPlanCheckFieldExtension />,
      <EcsAccountPickerFieldExtension />,
      <EcsRegionPickerFieldExtension />,
      <EcsClusterPickerFieldExtension />,
    ].map(
      element =>
        getComponentData<{ name: string }>(
          element,
          'scaffolder.extensions.field.v1',
        )?.name,
    );
    expect(names).toEqual([
      'EcsServicePicker',
      'EcsPlanCheck',
      'EcsAccountPicker',
      'EcsRegionPicker',
      'EcsClusterPicker',
    ]);
    expect(typeof namespace?.validation).toBe('function');
  });

  async function loadField(loader: () => Promise<unknown>) {
    return (await loader()) as Record<string, unknown>;
  }

  it('provides both pickers as new-system form fields', async () => {
    const namespace = await loadField(
      createExtensionTester(ecsNamespacePickerFormField).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ),
    );
    const endpoint = await loadField(
      createExtensionTester(ecsEndpointPickerFormField).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ),
    );
    expect(namespace.$$type).toBe('@backstage/scaffolder/FormField');
    // The opaque field carries the ui:field name that templates use.
    expect(JSON.stringify(Object.values(namespace))).toContain(
      'EcsNamespacePicker',
    );
    expect(JSON.stringify(Object.values(endpoint))).toContain(
      'EcsEndpointPicker',
    );
  });
});
