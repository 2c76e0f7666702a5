import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@ecs-net/plugin-ecs-networking-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EcsNetworkingApi } from '../../api';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import { mockCatalog, mockEcsNetworkingApi } from '../../__testUtils__/apis';
import {
  entityNetworkOf,
  HOSTILE,
  scopeStatus,
  serviceNamed,
  serviceResource,
  shopModel,
  shopSnapshots,
} from '../../__testUtils__/estate';
import { EcsNetworkingCard } from './EcsNetworkingCard';

const snapshots = shopSnapshots();
const model = shopModel();

function resourceOf(name: string): Entity {
  return serviceResource(serviceNamed(model, name));
}

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

async function renderCard(
  entity: Entity,
  api: EcsNetworkingApi,
  catalog = mockCatalog(),
) {
  return renderOnEntityPage(<EcsNetworkingCard />, entity, api, catalog);
}

function answering(serviceNames: string[], scopes = [scopeStatus()]) {
  return mockEcsNetworkingApi({
    getEntityNetwork: jest.fn(async () =>
      entityNetworkOf(model, snapshots, serviceNames, scopes),
    ),
  });
}

describe('EcsNetworkingCard', () => {
  it('shows progress while the network loads', async () => {
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(() => new Promise<never>(() => {})),
    });
    await renderCard(resourceOf('order-service'), api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getEntityNetwork).toHaveBeenCalledWith({
      kind: 'resource',
      namespace: 'default',
      name: 'order-service-shop-euw1-1111',
    });
  });

  it('shows the error message when the backend fails', async () => {
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () => {
        throw new Error('ecs-networking backend is not reachable');
      }),
    });
    await renderCard(resourceOf('order-service'), api);
    expect(
      (await screen.findAllByText(/ecs-networking backend is not reachable/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('list', { name: 'Endpoints' })).toBeNull();
  });

  it('tells how to configure accounts when the backend reads none', async () => {
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () =>
        entityNetworkOf(model, snapshots, [], []),
      ),
      getStatus: jest.fn(async () => ({ generation: 0, scopes: [] })),
    });
    await renderCard(component('order-service'), api);
    expect(
      await screen.findByText('No AWS account configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/add ecsNetworking.accounts to app-config/),
    ).toBeInTheDocument();
  });

  it('explains the component tag for a Component no service links to', async () => {
    const api = answering([]);
    await renderCard(component('checkout'), api);
    expect(
      await screen.findByText('No ECS service is linked to this component'),
    ).toBeInTheDocument();
    expect(screen.getByText(/component=checkout/)).toBeInTheDocument();
    expect(api.getStatus).toHaveBeenCalledTimes(1);
  });

  it('shows endpoints with mechanism, namespace, port, TLS, timeouts, access logs and who can reach them', async () => {
    await renderCard(resourceOf('order-service'), answering(['order-service']));
    const endpoints = await screen.findByRole('list', { name: 'Endpoints' });
    expect(within(endpoints).getByText('orders:8080')).toBeInTheDocument();
    expect(within(endpoints).getByText('Service Connect')).toBeInTheDocument();
    expect(
      within(endpoints).getByText(
        'namespace sc.local · port 8080 · TLS (AWS Private CA shop-ca) · idle timeout 600 s · access logs JSON',
      ),
    ).toBeInTheDocument();
    expect(
      within(endpoints).getByText(
        'Reachable from: ECS tasks with Service Connect in sc.local',
      ),
    ).toBeInTheDocument();
  });

  it('shows callers and callees with their evidence, linked when catalogued', async () => {
    const catalog = mockCatalog([resourceOf('user-service')]);
    await renderCard(
      resourceOf('order-service'),
      answering(['order-service']),
      catalog,
    );

    const callers = await screen.findByRole('list', { name: 'Called by' });
    expect(within(callers).getByText('web')).toBeInTheDocument();
    expect(
      within(callers).getByText('env ORDERS_URL → http://orders:8080'),
    ).toBeInTheDocument();
    expect(
      within(callers).getByText('command → http://orders:8080'),
    ).toBeInTheDocument();

    const callees = screen.getByRole('list', { name: 'Calls' });
    expect(
      within(callees).getByText(
        'env USER_SERVICE_URL → http://user-service:8080',
      ),
    ).toBeInTheDocument();
    expect(
      within(callees).getByText('env DB_HOST → mysql.app:3306'),
    ).toBeInTheDocument();
    expect(within(callees).getByText('mysql.app')).toBeInTheDocument();

    expect(
      await within(callees).findByRole('link', { name: 'user-service' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/user-service-shop-euw1-1111',
    );
    // Not in the catalog: named, not linked.
    expect(within(callees).queryByRole('link', { name: 'mysql' })).toBeNull();
    expect(within(callees).getByText('mysql')).toBeInTheDocument();

    expect(catalog.getEntities).toHaveBeenCalledTimes(1);
    const { filter } = catalog.getEntities.mock.calls[0][0]!;
    expect(
      (filter as Record<string, string[]>)[
        `metadata.annotations.${ANNOTATIONS.serviceArn}`
      ],
    ).toEqual(
      expect.arrayContaining([
        serviceNamed(model, 'user-service').arn,
        serviceNamed(model, 'web').arn,
      ]),
    );
  });

  it('shows findings with severity, message and fix', async () => {
    await renderCard(resourceOf('nightly-batch'), answering(['nightly-batch']));
    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(
      within(findings).getByText(/does not run Service Connect/),
    ).toBeInTheDocument();
    expect(within(findings).getByText(/^Fix: /)).toBeInTheDocument();
    expect(within(findings).getByTitle('error')).toBeInTheDocument();
  });

  it('focuses an endpoint API on its endpoint and its callers', async () => {
    const orders = model.endpoints.find(e => e.name === 'orders:8080')!;
    const api: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: 'orders-8080-sc-local-euw1-1111',
        annotations: { [ANNOTATIONS.endpointId]: orders.id },
      },
      spec: { type: 'ecs-service-connect' },
    };
    await renderCard(api, answering(['order-service']));
    const endpoints = await screen.findByRole('list', { name: 'Endpoints' });
    expect(within(endpoints).getAllByRole('listitem')).toHaveLength(1);
    expect(within(endpoints).getByText('orders:8080')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Called by' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Calls' })).toBeNull();
    expect(screen.queryByText(/^Calls \(/)).toBeNull();
  });

  it('warns that data is stale, naming the failing scope and the error', async () => {
    const stale = scopeStatus({
      accountId: '222222222222',
      consecutiveFailures: 3,
      stale: true,
      lastError: 'AccessDenied: not authorized to perform ecs:DescribeServices',
    });
    await renderCard(
      resourceOf('order-service'),
      answering(['order-service'], [stale]),
    );
    expect(
      await screen.findByText(
        /account 222222222222 \/ eu-west-1 failed 3 times: AccessDenied: not authorized to perform ecs:DescribeServices, showing data from/,
      ),
    ).toBeInTheDocument();
    // The age, with the date, time and zone on hover.
    const age = screen.getByText(/ ago$|^just now$|^yesterday$/);
    expect(age.closest('time')?.getAttribute('title')).toMatch(/\d{4}.*\d{1,2}:\d{2}:\d{2}/);
    expect(age.parentElement).toHaveTextContent(/^Updated /);
  });

  it('copies an endpoint name to the clipboard', async () => {
    const writeText = jest.fn(async (_text: string) => {});
    Object.defineProperty(window.navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await renderCard(resourceOf('order-service'), answering(['order-service']));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Copy orders:8080' }),
    );
    expect(writeText).toHaveBeenCalledWith('orders:8080');
  });

  it("shows findings raised on the Cloud Map service a service registers into", async () => {
    await renderCard(resourceOf('mysql'), answering(['mysql']));
    expect(await screen.findByText(/DNS records live 300 s/)).toBeInTheDocument();
  });

  it('renders hostile tag values as text', async () => {
    await renderCard(resourceOf('mysql'), answering(['mysql']));
    expect(await screen.findByText(HOSTILE)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
