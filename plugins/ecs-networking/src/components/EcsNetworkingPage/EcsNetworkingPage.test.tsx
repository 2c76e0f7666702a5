import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  createLookupIndex,
  NetworkModel,
} from '@ecs-net/plugin-ecs-networking-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { ecsNetworkingApiRef, type EcsNetworkingApi } from '../../api';
import { mockCatalog, mockEcsNetworkingApi } from '../../__testUtils__/apis';
import {
  HOSTILE,
  largeModel,
  networkResponse,
  scopeStatus,
  serviceNamed,
  serviceResource,
  shopModel,
  shopSnapshots,
} from '../../__testUtils__/estate';
import { EcsNetworkingPage } from './EcsNetworkingPage';

/** Shows the query string, as the address bar would. */
function Address() {
  return <output aria-label="address">{useLocation().search}</output>;
}

async function renderPage(api: EcsNetworkingApi, catalog = mockCatalog(), url = '/') {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [ecsNetworkingApiRef, api],
        [catalogApiRef, catalog],
      ]}
    >
      <EcsNetworkingPage />
      <Address />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [url],
    },
  );
}

function serving(model: NetworkModel, scopes = [scopeStatus()]) {
  const snapshots = shopSnapshots();
  const lookup = createLookupIndex(model, snapshots);
  return mockEcsNetworkingApi({
    getNetwork: jest.fn(async () => networkResponse(model, scopes)),
    lookup: jest.fn(async (q: string) => ({
      query: q,
      matches: lookup.lookup(q),
    })),
  });
}

const serviceRows = () =>
  within(screen.getByRole('list', { name: 'Services by namespace' }))
    .queryAllByRole('listitem')
    .filter(item => !item.querySelector('button'));

describe('EcsNetworkingPage', () => {
  it('shows progress while the network loads', async () => {
    await renderPage(
      mockEcsNetworkingApi({
        getNetwork: jest.fn(() => new Promise<never>(() => {})),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByLabelText('Who owns…')).toBeNull();
  });

  it('tells how to configure accounts when there are none', async () => {
    await renderPage(
      mockEcsNetworkingApi({
        getNetwork: jest.fn(async () => networkResponse(shopModel(), [])),
      }),
    );
    expect(
      await screen.findByText(/add ecsNetworking.accounts to app-config/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('search', { name: 'Filter services' }),
    ).toBeNull();
  });

  it('shows the error message when the network cannot be read', async () => {
    await renderPage(
      mockEcsNetworkingApi({
        getNetwork: jest.fn(async () => {
          throw new Error('Gateway timeout from ecs-networking');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/Gateway timeout from ecs-networking/))
        .length,
    ).toBeGreaterThan(0);
  });

  it('warns about stale scopes', async () => {
    await renderPage(
      serving(shopModel(), [
        scopeStatus(),
        scopeStatus({
          accountId: '222222222222',
          consecutiveFailures: 2,
          stale: true,
          lastError: 'ThrottlingException: Rate exceeded',
        }),
      ]),
    );
    expect(
      await screen.findByText(
        /account 222222222222 \/ eu-west-1 failed 2 times: ThrottlingException: Rate exceeded, showing data from/,
      ),
    ).toBeInTheDocument();
  });

  it('narrows the services and findings by the filters', async () => {
    await renderPage(serving(shopModel()));
    await screen.findByText('Showing 5 of 5 services, 3 findings');
    expect(serviceRows()).toHaveLength(5);

    await userEvent.selectOptions(
      screen.getByLabelText('Owner'),
      'team-orders',
    );
    expect(
      await screen.findByText('Showing 2 of 5 services, 1 finding'),
    ).toBeInTheDocument();
    expect(serviceRows().map(row => row.textContent)).toEqual([
      expect.stringContaining('order-service'),
      expect.stringContaining('nightly-batch'),
    ]);

    await userEvent.selectOptions(
      screen.getByLabelText('Mechanism'),
      'connect',
    );
    expect(
      await screen.findByText('Showing 1 of 5 services, 0 findings'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(
      await screen.findByText('Showing 5 of 5 services, 3 findings'),
    ).toBeInTheDocument();
    await userEvent.selectOptions(
      screen.getByLabelText('Finding severity'),
      'error',
    );
    expect(
      await screen.findByText('Showing 1 of 5 services, 1 finding'),
    ).toBeInTheDocument();
    expect(serviceRows().map(row => row.textContent)).toEqual([
      expect.stringContaining('nightly-batch'),
    ]);
    const findings = screen.getByRole('list', { name: 'Findings' });
    expect(
      within(findings).getByText(/does not run Service Connect/),
    ).toBeInTheDocument();
    expect(within(findings).queryByText(/DNS records live 300 s/)).toBeNull();
  });

  it('keeps the filters in the address, so a reload shows the same view', async () => {
    await renderPage(serving(shopModel()), mockCatalog(), '/?owner=team-orders&q=batch');
    expect(await screen.findByText('Showing 1 of 5 services, 1 finding')).toBeInTheDocument();
    expect(screen.getByLabelText('Owner')).toHaveValue('team-orders');
    expect(screen.getByLabelText('Name contains')).toHaveValue('batch');

    await userEvent.selectOptions(screen.getByLabelText('Finding severity'), 'error');
    const address = () => new URLSearchParams(screen.getByLabelText('address').textContent!);
    await waitFor(() => expect(address().get('severity')).toBe('error'));
    expect([address().get('owner'), address().get('q')]).toEqual(['team-orders', 'batch']);
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByLabelText('address')).toHaveTextContent(/^$/));
  });

  it('reloads the network on Refresh, and says how long ago it was synced', async () => {
    const api = serving(shopModel());
    await renderPage(api);
    await screen.findByText('Showing 5 of 5 services, 3 findings');
    expect(screen.getByText(/ ago$|^just now$|^yesterday$/).closest('time')).toHaveAttribute('title');
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.getNetwork).toHaveBeenCalledTimes(2));
    expect(screen.getByText('Showing 5 of 5 services, 3 findings')).toBeInTheDocument();
  });

  it('counts callers in words, and shows fixes whole', async () => {
    await renderPage(serving(shopModel()));
    await screen.findByText('Showing 5 of 5 services, 3 findings');
    const counts = serviceRows().map(
      row => within(row).getByText(/^\d+ callers? · \d+ callees?$/).textContent,
    );
    // One of them is called by one service, and one calls one.
    expect(counts).toEqual(expect.arrayContaining(['1 caller · 0 callees', '0 callers · 1 callee']));
    const findings = screen.getByRole('list', { name: 'Findings' });
    for (const fix of within(findings).getAllByText(/^Fix: /)) {
      // The whole text on the page, not clamped to a line with the rest on hover.
      expect(fix).not.toHaveAttribute('title');
    }
  });

  it('names the default owner of a service without an owner tag, marked as such', async () => {
    const model = shopModel();
    const batch = model.services.find(s => s.name === 'nightly-batch')!;
    delete batch.owner;
    const resource = serviceResource(batch);
    resource.spec!.owner = 'group:default/platform-team';
    await renderPage(serving(model), mockCatalog([resource]));
    await screen.findByText('Showing 5 of 5 services, 3 findings');
    const row = await waitFor(() => {
      const found = serviceRows().find(r => r.textContent!.includes('nightly-batch'))!;
      expect(found).toHaveTextContent('owner platform-team (default owner)');
      return found;
    });
    expect(within(row).getByRole('link', { name: 'platform-team' })).toBeInTheDocument();
  });

  it('looks up the owner of a task IP and of a DNS name', async () => {
    const model = shopModel();
    const api = serving(model);
    await renderPage(
      api,
      mockCatalog([serviceResource(serviceNamed(model, 'mysql'))]),
    );
    const box = await screen.findByLabelText('Who owns…');

    await userEvent.type(box, '10.0.2.20{enter}');
    expect(api.lookup).toHaveBeenCalledWith('10.0.2.20');
    let results = await screen.findByRole('list', { name: 'Lookup results' });
    expect(within(results).getByText('user-service')).toBeInTheDocument();
    expect(within(results).getByText('team-identity')).toBeInTheDocument();
    expect(within(results).getByText('matched by task IP')).toBeInTheDocument();

    await userEvent.clear(box);
    await userEvent.type(box, 'mysql.app');
    await userEvent.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Lookup results' })).getByText(
          'matched by DNS name',
        ),
      ).toBeInTheDocument(),
    );
    results = screen.getByRole('list', { name: 'Lookup results' });
    expect(
      await within(results).findByRole('link', { name: 'mysql' }),
    ).toHaveAttribute('href', '/catalog/default/resource/mysql-shop-euw1-1111');
    // The owner tag is hostile markup: shown as text, never parsed.
    expect(within(results).getByText(HOSTILE)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('says when nothing answers to a lookup', async () => {
    await renderPage(serving(shopModel()));
    await userEvent.type(
      await screen.findByLabelText('Who owns…'),
      'nobody.example:1{enter}',
    );
    expect(
      await screen.findByText(/Nothing in the synced accounts answers to/),
    ).toBeInTheDocument();
  });

  it('renders a 2,000-service estate without rendering 2,000 rows', async () => {
    const catalog = mockCatalog();
    await renderPage(serving(largeModel(2000)), catalog);
    expect(
      await screen.findByText('Showing 2000 of 2000 services, 200 findings'),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Services by namespace' });
    // 40 namespaces of 50 start collapsed: only headers, and only those in view.
    expect(serviceRows()).toHaveLength(0);
    const headers = within(list).getAllByRole('button', { expanded: false });
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.length).toBeLessThan(40);

    await userEvent.click(headers[0]);
    expect(
      within(list).getByRole('button', { expanded: true }),
    ).toBeInTheDocument();
    const rendered = within(list).getAllByRole('listitem').length;
    expect(serviceRows().length).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(30);

    const findings = screen.getByRole('list', { name: 'Findings' });
    expect(within(findings).getAllByRole('listitem').length).toBeLessThan(20);

    // One catalog request covers the whole estate's links.
    expect(catalog.getEntities).toHaveBeenCalledTimes(1);
    expect(catalog.getEntities.mock.calls[0][0]!.filter).toEqual({
      kind: 'resource',
      'spec.type': 'ecs-service',
    });
  });
});
