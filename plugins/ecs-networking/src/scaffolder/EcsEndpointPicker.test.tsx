import { EcsNetworkingClient, ecsNetworkingApiRef } from '../api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EcsEndpointPicker } from './EcsEndpointPicker';
import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import { networkApis, testSnapshots } from '../__testUtils__/scaffolderNetwork';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';

async function renderPicker(
  props: {
    formData?: string[];
    uiOptions?: object;
    snapshots?: ScopeSnapshot[];
  } = {},
) {
  const onChange = jest.fn();
  const apis = networkApis(props.snapshots);
  const fieldProps = {
    onChange,
    formData: props.formData,
    schema: { title: 'Endpoints this service calls' },
    uiSchema: { 'ui:options': props.uiOptions ?? {} },
    formContext: {
      formData: { accountId: '111111111111', region: 'eu-west-1' },
    },
    idSchema: { $id: 'root_dependencies' },
    rawErrors: [],
    required: false,
    disabled: false,
  } as any;
  await renderInTestApp(
    <TestApiProvider
      apis={[[ecsNetworkingApiRef, new EcsNetworkingClient(apis)]]}
    >
      <EcsEndpointPicker {...fieldProps} />
    </TestApiProvider>,
  );
  return { onChange };
}

describe('EcsEndpointPicker', () => {
  it('lists endpoints of the account and region with mechanism, service and owner', async () => {
    const { onChange } = await renderPicker({ formData: ['mysql.app'] });
    await userEvent.click(await screen.findByRole('textbox'));
    expect(await screen.findByText('order-service:8080')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Service Connect · sc.local · shop/order-service · owner team-orders',
      ),
    ).toBeInTheDocument();
    // Another account's endpoint is not offered.
    expect(screen.queryByText(/analytics/)).not.toBeInTheDocument();
    // The chosen one shows as a chip with its owner.
    expect(screen.getByText('mysql.app (team-web)')).toBeInTheDocument();
    await userEvent.click(screen.getByText('order-service:8080'));
    expect(onChange).toHaveBeenCalledWith(['mysql.app', 'order-service:8080']);
  });

  it('filters by mechanism and by owner text', async () => {
    await renderPicker({ uiOptions: { mechanisms: ['dns'] } });
    const input = await screen.findByRole('textbox');
    await userEvent.click(input);
    expect(await screen.findByText('mysql.app')).toBeInTheDocument();
    expect(screen.queryByText('order-service:8080')).not.toBeInTheDocument();
    // Pasted: one filtering pass over the options instead of one per keystroke.
    await userEvent.paste('team-web');
    expect(screen.getByText('mysql.app')).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.paste('team-orders');
    expect(screen.queryByText('mysql.app')).not.toBeInTheDocument();
  });

  // A Cloud Map HTTP namespace name may be any printable ASCII: markup in it
  // is shown as text (the browser tests cannot reach this picker in the
  // hostile estate, whose namespaces cannot take a new service).
  it('shows markup in a namespace name as text', async () => {
    const markup = '<img/src/onerror=window.__ecsnetXss=1>';
    const hostile = scope('111111111111', 'eu-west-1')
      .namespace(markup, 'HTTP')
      .service('orders', {
        cluster: 'hostile',
        serviceConnect: {
          namespace: markup,
          services: [
            {
              portName: 'http',
              clientAliases: [{ dnsName: 'orders', port: 8080 }],
            },
          ],
        },
      })
      .build();
    await renderPicker({ snapshots: [hostile] });
    await userEvent.click(await screen.findByRole('textbox'));
    expect(
      await screen.findByText(text =>
        text.startsWith(`Service Connect · ${markup} · hostile/orders`),
      ),
    ).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect((window as any).__ecsnetXss).toBeUndefined();
  });

  it('flags stored names that are not endpoints there', async () => {
    await renderPicker({ formData: ['orders:9999'] });
    expect(
      await screen.findByText(
        'Not an endpoint in 111111111111 / eu-west-1: orders:9999',
      ),
    ).toBeInTheDocument();
  });

  it('flags an endpoint whose service has open error findings, and whom to ask', async () => {
    const snapshots = testSnapshots();
    const orders = snapshots[0].services.find(s => s.name === 'order-service')!;
    // Its Service Connect port name names no port mapping: an error finding.
    orders.serviceConnect!.services[0].portName = 'web';
    await renderPicker({ formData: ['order-service:8080'], snapshots });
    // The chip names the owner once the network has loaded: a failure below
    // is then about the finding, not about loading.
    expect(
      await screen.findByText('order-service:8080 (team-orders)'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Served by a service with open errors: order-service:8080 (shop/order-service, 1 open error (service-connect-port-name); ask team-orders)',
      ),
    ).toBeInTheDocument();
  });
});
