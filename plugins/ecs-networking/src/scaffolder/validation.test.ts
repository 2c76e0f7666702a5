import { EcsNetworkingClient, ecsNetworkingApiRef } from '../api';
import { TestApiRegistry } from '@backstage/test-utils';
import {
  ecsEndpointPickerValidation,
  ecsNamespacePickerValidation,
} from './validation';
import { networkApis } from '../__testUtils__/scaffolderNetwork';

function context(formData: object, uiOptions: object = {}) {
  const apis = networkApis();
  return {
    apiHolder: TestApiRegistry.from([
      ecsNetworkingApiRef,
      new EcsNetworkingClient(apis),
    ]),
    formData: formData as any,
    schema: {},
    uiSchema: { 'ui:options': uiOptions },
  };
}

function collector() {
  const errors: string[] = [];
  return {
    errors,
    validation: { addError: (e: string) => errors.push(e) } as any,
  };
}

describe('field validation', () => {
  it('accepts an existing namespace of the right type and rejects others', async () => {
    const ok = collector();
    await ecsNamespacePickerValidation(
      'app',
      ok.validation,
      context(
        { accountId: '111111111111', region: 'eu-west-1' },
        { types: ['DNS_PRIVATE'] },
      ) as any,
    );
    expect(ok.errors).toEqual([]);

    const wrongType = collector();
    await ecsNamespacePickerValidation(
      'sc.local',
      wrongType.validation,
      context(
        { accountId: '111111111111', region: 'eu-west-1' },
        { types: ['DNS_PRIVATE'] },
      ) as any,
    );
    expect(wrongType.errors).toEqual([
      'There is no DNS_PRIVATE namespace sc.local in 111111111111 / eu-west-1.',
    ]);

    const bad = collector();
    await ecsNamespacePickerValidation(
      '../etc; rm -rf /',
      bad.validation,
      context({}) as any,
    );
    expect(bad.errors[0]).toContain('is not a namespace name');
  });

  it('rejects endpoint names that are malformed or unknown', async () => {
    const unknown = collector();
    await ecsEndpointPickerValidation(
      ['order-service:8080', 'orders:9999'],
      unknown.validation,
      context({}, { accountId: '111111111111' }) as any,
    );
    expect(unknown.errors).toEqual(['No such endpoint: orders:9999.']);

    const malformed = collector();
    await ecsEndpointPickerValidation(
      ['$(reboot)'],
      malformed.validation,
      context({}) as any,
    );
    expect(malformed.errors).toEqual(['Not endpoint names: $(reboot).']);
  });
});
