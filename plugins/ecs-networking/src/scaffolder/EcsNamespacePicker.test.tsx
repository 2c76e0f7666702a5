import { EcsNetworkingClient, ecsNetworkingApiRef } from '../api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EcsNamespacePicker } from './EcsNamespacePicker';
import { networkApis, testSnapshots } from '../__testUtils__/scaffolderNetwork';

async function renderPicker(
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
    ...(await renderInTestApp(
      <TestApiProvider
        apis={[[ecsNetworkingApiRef, new EcsNetworkingClient(apis)]]}
      >
        <EcsNamespacePicker {...fieldProps} />
      </TestApiProvider>,
    )),
  };
}

describe('EcsNamespacePicker', () => {
  it('offers the namespaces of the form account and region, of the allowed types', async () => {
    const { onChange, apis } = await renderPicker({
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
    // The network once, and the snapshots once (for the cluster's default).
    expect([...apis.requests].sort()).toEqual([
      'http://backend.test/api/ecs-networking/network',
      'http://backend.test/api/ecs-networking/snapshots?offset=0&limit=100',
      'http://backend.test/api/ecs-networking/status',
    ]);
  });

  it('offers a namespace another account shares with the form account, stored by its ARN', async () => {
    const snapshots = testSnapshots();
    const [eu, other] = snapshots;
    const scLocal = eu.namespaces.find(ns => ns.name === 'sc.local')!;
    other.namespaces.push({ ...scLocal, ownerAccountId: eu.accountId });
    const { onChange } = await renderPicker(
      {
        uiOptions: { types: ['HTTP', 'DNS_PRIVATE'] },
        formContext: {
          formData: { accountId: other.accountId, region: 'eu-west-1' },
        },
      },
      networkApis(snapshots),
    );
    await userEvent.click(await screen.findByRole('textbox'));
    expect(await screen.findByText('sc.local')).toBeInTheDocument();
    expect(
      screen.getByText(
        new RegExp(
          `shared by 111111111111 \\(AWS RAM\\), used by its ARN ${scLocal.arn}`,
        ),
      ),
    ).toBeInTheDocument();
    // The owner's own namespaces that are not shared stay out.
    expect(screen.queryByText('app')).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('sc.local'));
    expect(onChange).toHaveBeenCalledWith(scLocal.arn);
  });

  it("starts at the default namespace of the form's cluster", async () => {
    const { onChange } = await renderPicker({
      uiOptions: { types: ['HTTP', 'DNS_PRIVATE'] },
      formContext: {
        formData: {
          accountId: '111111111111',
          region: 'eu-west-1',
          cluster: 'shop',
        },
      },
    });
    await screen.findByRole('textbox');
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('sc.local'));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('takes the account from ui:options when set', async () => {
    await renderPicker({
      uiOptions: { accountId: '222222222222', region: 'eu-west-1' },
    });
    await userEvent.click(await screen.findByRole('textbox'));
    expect(await screen.findByText('data.internal')).toBeInTheDocument();
    expect(screen.queryByText('app')).not.toBeInTheDocument();
  });

  it('says when the stored namespace does not exist there', async () => {
    await renderPicker({
      formData: 'gone.local',
      uiOptions: { types: ['HTTP'] },
    });
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
    await renderPicker({}, apis);
    expect(
      await screen.findByText(/Could not load namespaces from ECS Networking/),
    ).toBeInTheDocument();
  });
});
