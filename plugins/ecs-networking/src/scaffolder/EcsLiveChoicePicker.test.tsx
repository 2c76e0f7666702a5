import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { demoLikeSnapshots } from '@ecs-net/plugin-ecs-networking-common/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EcsNetworkingClient, ecsNetworkingApiRef } from '../api';
import { networkApis } from '../__testUtils__/scaffolderNetwork';
import {
  EcsClusterPicker,
  ecsRegionPickerValidation,
} from './EcsLiveChoicePicker';

function client() {
  return new EcsNetworkingClient(networkApis(demoLikeSnapshots()));
}

describe('EcsClusterPicker', () => {
  it("lists the live clusters of the form's account and region, with their default namespace", async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[ecsNetworkingApiRef, client()]]}>
        <EcsClusterPicker
          {...({
            onChange,
            schema: { title: 'ECS cluster' },
            uiSchema: {},
            formContext: {
              formData: { accountId: '111111111111', region: 'us-east-1' },
            },
            idSchema: { $id: 'root_cluster' },
            rawErrors: [],
          } as any)}
        />
      </TestApiProvider>,
    );
    await userEvent.click(await screen.findByRole('textbox'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'shop-us111111111111 / us-east-1 · default namespace sc.local (HTTP) · 1 service',
    ]);
    await userEvent.click(options[0]);
    expect(onChange).toHaveBeenCalledWith('shop-us');
  });
});

describe('a picker\'s help line', () => {
  async function renderWith(uiSchema: object) {
    await renderInTestApp(
      <TestApiProvider apis={[[ecsNetworkingApiRef, client()]]}>
        <EcsClusterPicker
          {...({
            onChange: jest.fn(),
            schema: { title: 'ECS cluster' },
            uiSchema,
            formContext: { formData: { accountId: '111111111111' } },
            idSchema: { $id: 'root_cluster' },
            rawErrors: [],
          } as any)}
        />
      </TestApiProvider>,
    );
    await screen.findByRole('textbox');
  }
  const DEFAULT = 'One of the live clusters of this account and region.';

  it('is the picker\'s own without ui:help', async () => {
    await renderWith({});
    expect(screen.getByText(DEFAULT)).toBeInTheDocument();
  });

  it('gives way to the template\'s ui:help, which the scaffolder shows', async () => {
    await renderWith({ 'ui:help': 'Its default namespace is used.' });
    expect(screen.queryByText(DEFAULT)).not.toBeInTheDocument();
  });
});

describe('ecsRegionPickerValidation', () => {
  it('refuses a region the plugin does not read, listing those it does', async () => {
    const api = client();
    const errors: string[] = [];
    await ecsRegionPickerValidation(
      'ap-south-1',
      { addError: (e: string) => errors.push(e) } as any,
      {
        apiHolder: { get: () => api },
        formData: { accountId: '111111111111' },
        uiSchema: {},
      } as any,
    );
    expect(errors).toEqual([
      'ap-south-1 is not one of the regions ECS Networking reads in this account: eu-west-1, us-east-1.',
    ]);
  });
});
