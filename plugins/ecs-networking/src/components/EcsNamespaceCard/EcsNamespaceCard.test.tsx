import type { Entity } from '@backstage/catalog-model';
import { analyzeNetwork } from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EcsNetworkingApi } from '../../api';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import { mockCatalog, mockEcsNetworkingApi } from '../../__testUtils__/apis';
import {
  largeModel,
  namespaceNetworkOf,
  namespaceResource,
  scopeStatus,
  serviceNamed,
  serviceResource,
  shopModel,
} from '../../__testUtils__/estate';
import { EcsNamespaceCard } from './EcsNamespaceCard';

async function renderCard(
  entity: Entity,
  api: EcsNetworkingApi,
  catalog = mockCatalog(),
) {
  return renderOnEntityPage(<EcsNamespaceCard />, entity, api, catalog);
}

function answering(network: ReturnType<typeof namespaceNetworkOf>) {
  return mockEcsNetworkingApi({ getEntityNetwork: jest.fn(async () => network) });
}

describe('EcsNamespaceCard', () => {
  it('lists the names in the namespace with the service answering and its owner', async () => {
    const model = shopModel();
    const orders = serviceResource(serviceNamed(model, 'order-service'));
    const api = answering(namespaceNetworkOf(model, 'sc.local'));
    await renderCard(namespaceResource(model, 'sc.local'), api, mockCatalog([orders]));

    expect(await screen.findByText('2 names from 2 ECS services')).toBeInTheDocument();
    const row = screen.getByText('orders:8080').closest('tr')!;
    expect(within(row).getByText('Service Connect')).toBeInTheDocument();
    // Linked to its catalog Resource when the catalog holds one; the owner
    // tag becomes a link to the group.
    expect(within(row).getByRole('link', { name: 'order-service' })).toHaveAttribute(
      'href',
      expect.stringContaining(orders.metadata.name),
    );
    expect(within(row).getByRole('link', { name: 'team-orders' })).toBeInTheDocument();
    const users = screen.getByText('user-service:8080').closest('tr')!;
    expect(within(users).getByText('user-service')).toBeInTheDocument();
    expect(screen.getByText('No wiring problem found.')).toBeInTheDocument();
    // web calls orders through sc.local but is reachable by no name in it.
    const clients = screen.getByText('Service Connect clients with no name here (1)').parentElement!;
    expect(within(clients).getByText('web')).toBeInTheDocument();
    expect(within(clients).getByRole('link', { name: 'team-web' })).toBeInTheDocument();
    expect(api.getEntityNetwork).toHaveBeenCalledWith({
      kind: 'resource',
      namespace: 'default',
      name: 'sc-local-euw1-1111',
    });
  });

  it("shows an unused namespace's findings and says nothing is named in it", async () => {
    const model = analyzeNetwork([scope('111111111111', 'eu-west-1').namespace('old').build()]);
    await renderCard(namespaceResource(model, 'old'), answering(namespaceNetworkOf(model, 'old')));
    expect(
      await screen.findByText('No ECS service is reachable by a name in this namespace.'),
    ).toBeInTheDocument();
    const findings = screen.getByRole('list', { name: 'Findings' });
    expect(within(findings).getByText(/Namespace old is used by no ECS service/)).toBeInTheDocument();
  });

  it('pages a large namespace and searches it', async () => {
    const model = largeModel(120);
    await renderCard(namespaceResource(model, 'ns-1.local'), answering(namespaceNetworkOf(model, 'ns-1.local')));
    expect(await screen.findByText('50 names from 50 ECS services')).toBeInTheDocument();
    // One page of rows is rendered, not the whole namespace.
    expect(screen.getAllByText(/^svc-\d+:8080$/)).toHaveLength(10);
    // Pasted: one filtering pass over the rows instead of one per keystroke.
    await userEvent.click(screen.getByPlaceholderText('Filter'));
    await userEvent.paste('svc-77:');
    expect(await screen.findByText('svc-77:8080')).toBeInTheDocument();
    expect(screen.getAllByText(/^svc-\d+:8080$/)).toHaveLength(1);
  });

  it('warns when the namespace was last read from a failing account', async () => {
    const model = shopModel();
    const stale = scopeStatus({ stale: true, consecutiveFailures: 2, lastError: 'AccessDenied' });
    await renderCard(namespaceResource(model, 'app'), answering(namespaceNetworkOf(model, 'app', [stale])));
    expect(await screen.findByText('mysql.app')).toBeInTheDocument();
    expect(screen.getByText(/AccessDenied/)).toBeInTheDocument();
  });
});
