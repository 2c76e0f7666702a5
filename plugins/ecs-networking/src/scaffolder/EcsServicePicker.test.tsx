import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { demoLikeSnapshots } from '@ecs-net/plugin-ecs-networking-common/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EcsNetworkingClient, ecsNetworkingApiRef } from '../api';
import { networkApis } from '../__testUtils__/scaffolderNetwork';
import { EcsServicePicker } from './EcsServicePicker';
import { ecsServicePickerValidation } from './validation';

const LEGACY_GATEWAY =
  'arn:aws:ecs:eu-west-1:111111111111:service/shop/legacy-gateway';

function client() {
  return new EcsNetworkingClient(networkApis(demoLikeSnapshots()));
}

async function renderPicker(
  props: { formData?: object; appMeshOnly?: boolean } = {},
) {
  const onChange = jest.fn();
  const fieldProps = {
    onChange,
    formData: props.formData,
    schema: { title: 'ECS service on App Mesh' },
    uiSchema: { 'ui:options': { appMeshOnly: props.appMeshOnly ?? true } },
    formContext: { formData: {} },
    idSchema: { $id: 'root_service' },
    rawErrors: [],
    required: true,
    disabled: false,
  } as any;
  await renderInTestApp(
    <TestApiProvider apis={[[ecsNetworkingApiRef, client()]]}>
      <EcsServicePicker {...fieldProps} />
    </TestApiProvider>,
  );
  return { onChange };
}

describe('EcsServicePicker', () => {
  it('offers only services on App Mesh, once each, with account, region and owner', async () => {
    const { onChange } = await renderPicker();
    await userEvent.click(await screen.findByRole('textbox'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'shop/legacy-gateway111111111111 / eu-west-1 · owner team-platform',
    ]);
    await userEvent.click(options[0]);
    expect(onChange).toHaveBeenCalledWith({
      serviceArn: LEGACY_GATEWAY,
      namespace: 'sc.local',
      discoveryName: 'legacy-gateway',
      aliasDnsName: 'legacy-gateway',
      aliasPort: 8080,
      portName: 'http',
    });
  });

  it('lists every service of both regions when not narrowed to App Mesh', async () => {
    await renderPicker({ appMeshOnly: false });
    await userEvent.click(await screen.findByRole('textbox'));
    const names = (await screen.findAllByRole('option')).map(
      o => o.textContent,
    );
    expect(names.filter(n => n?.startsWith('shop/user-service'))).toEqual([
      'shop/user-service111111111111 / eu-west-1 · owner team-identity',
    ]);
    expect(names).toContain(
      'shop-us/user-service111111111111 / us-east-1 · owner team-identity',
    );
  });

  it('shows the names the migration will use, and lets the person change them', async () => {
    const value = {
      serviceArn: LEGACY_GATEWAY,
      namespace: 'sc.local',
      discoveryName: 'legacy-gateway',
      aliasDnsName: 'legacy-gateway',
      aliasPort: 8080,
      portName: 'http',
    };
    const { onChange } = await renderPicker({ formData: value });
    const alias = await screen.findByLabelText('Client alias DNS name');
    expect(alias).toHaveValue('legacy-gateway');
    expect(screen.getByLabelText('Port name')).toHaveValue('http');
    await userEvent.type(alias, 's');
    expect(onChange).toHaveBeenLastCalledWith({
      ...value,
      aliasDnsName: 'legacy-gateways',
    });
  });
});

describe('ecsServicePickerValidation', () => {
  it('refuses a service without App Mesh in the words of the action', async () => {
    const errors: string[] = [];
    const api = client();
    await ecsServicePickerValidation(
      {
        serviceArn:
          'arn:aws:ecs:eu-west-1:111111111111:service/shop/user-service',
      },
      { addError: (e: string) => errors.push(e) } as any,
      {
        apiHolder: { get: () => api },
        formData: {},
        uiSchema: { 'ui:options': { appMeshOnly: true } },
      } as any,
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^ECS service shop\/user-service \(111111111111 \/ eu-west-1\) does not use App Mesh/,
      ),
    ]);
  });
});
