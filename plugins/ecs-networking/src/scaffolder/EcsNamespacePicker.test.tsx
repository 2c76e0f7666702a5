import { EcsNetworkingClient, ecsNetworkingApiRef } from '../api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EcsNamespacePicker } from './EcsNamespacePicker';
import { networkApis } from '../__testUtils__/scaffolderNetwork';

function renderPicker(
  props: { formData?: string; uiOptions?: object; formContext?: object },
  apis = networkApis(),
) {
  const onChange = jest.fn();
  const fieldProps = {
    onChange,
    formData: props.formData,
    schema: { title: 'Service Discovery namespace' },
    uiSchema: { 'ui:options': props.uiOptions ?? {} },
    formContext: props.formContext ?? {
      formData: { accountId: '111111111111', region: 'eu-west-1' },
    },
    idSchema: { $id: 'root_namespace' },
    rawErrors: [],
    required: true,
    disabled: false,
  } as any;
  return {
    onChange,
    apis,
    ...renderInTestApp(
      <TestApiProvider
        apis={[[ecsNetworkingApiRef, new EcsNetworkingClient(apis)]]}
      >
        <EcsNamespacePicker {...fieldProps} />
      </TestApiProvider>,
    ),
  };
}

describe('EcsNamespacePicker', () => {
  it('offers the namespaces of the form account and region, of the allowed types', async () => {
    const { onChange, apis } = renderPicker({
      uiOptions: { types: ['DNS_PRIVATE'] },
    });
    await userEvent.click(await screen.findByRole('textbox'));
    expect(await screen.findByText('app')).toBeInTheDocument();
    expect(
      screen.getByText(/private DNS · 111111111111 \/ eu-west-1/),
    ).toBeInTheDocument();
    // HTTP namespace: wrong type; data.internal: another account.
    expect(screen.queryByText('sc.local')).not.toBeInTheDocument();
    expect(screen.queryByText('data.internal')).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('app'));
    expect(onChange).toHaveBeenCalledWith('app');
    expect(apis.requests).toEqual([
      'http://backend.test/api/ecs-networking/network',
    ]);
  });

  it('takes the account from ui:options when set', async () => {
    renderPicker({
      uiOptions: { accountId: '222222222222', region: 'eu-west-1' },
    });
    await userEvent.click(await screen.findByRole('textbox'));
    expect(await screen.findByText('data.internal')).toBeInTheDocument();
    expect(screen.queryByText('app')).not.toBeInTheDocument();
  });

  it('says when the stored namespace does not exist there', async () => {
    renderPicker({ formData: 'gone.local', uiOptions: { types: ['HTTP'] } });
    expect(
      await screen.findByText(
        'gone.local is not a HTTP (API only) namespace in 111111111111 / eu-west-1.',
      ),
    ).toBeInTheDocument();
  });

  it('says when the backend cannot be read', async () => {
    const apis = networkApis();
    apis.fetchApi.fetch = async () =>
      new Response('{"error":{"name":"Error","message":"down"}}', {
        status: 503,
      });
    renderPicker({}, apis);
    expect(
      await screen.findByText(/Could not load namespaces from ECS Networking/),
    ).toBeInTheDocument();
  });
});
