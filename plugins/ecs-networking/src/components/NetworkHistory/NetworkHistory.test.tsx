import type { ChangesQuery, ChangesResponse, RecordedChange } from '@ecs-net/plugin-ecs-networking-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockCatalog, mockEcsNetworkingApi } from '../../__testUtils__/apis';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import { serviceNamed, serviceResource, shopModel } from '../../__testUtils__/estate';
import { EntityBlastRadius } from './EntityBlastRadius';
import { EntityChanges } from './EntityChanges';
import { EstateChanges } from './EstateChanges';

const model = shopModel();
const orders = serviceNamed(model, 'order-service');
const web = serviceNamed(model, 'web');
const ordersResource = serviceResource(orders);

function change(overrides: Partial<RecordedChange>): RecordedChange {
  return {
    id: 1,
    generation: 2,
    at: new Date(Date.now() - 5 * 60_000).toISOString(),
    trigger: 'events',
    kind: 'service',
    action: 'changed',
    key: orders.arn,
    label: 'order-service',
    accountId: orders.accountId,
    region: orders.region,
    attributes: [{ name: 'desiredCount', before: '2', after: '0' }],
    serviceArns: [orders.arn],
    entityRefs: ['component:default/orders-api', 'group:default/team-orders'],
    ...overrides,
  };
}

const changes = [
  change({}),
  change({
    id: 2,
    kind: 'finding',
    action: 'added',
    key: 'owner-tag-missing web',
    label: 'owner-tag-missing: web',
    attributes: [{ name: 'severity', after: 'warning' }],
    serviceArns: [web.arn],
    entityRefs: [],
    trigger: 'sync',
  }),
];

describe('network history on the entity page and the network page', () => {
  it("shows an entity's changes with what changed, linked, and asks for its neighbours' by default", async () => {
    const api = mockEcsNetworkingApi({
      getChanges: jest.fn(async () => ({ since: '', until: '', changes, truncated: false })),
    });
    await renderOnEntityPage(<EntityChanges entityRef="component:default/orders-api" />, ordersResource, api, mockCatalog([ordersResource]));

    const list = await screen.findByRole('list', { name: 'Changes' });
    const [scaled, opened] = within(list).getAllByRole('listitem');
    expect(scaled).toHaveTextContent('changedservice order-service: desiredCount 2 → 0');
    expect(scaled).toHaveTextContent('5 minutes ago · live update · ');
    expect(within(scaled).getByRole('link', { name: 'order-service' })).toBeInTheDocument();
    expect(within(scaled).getByRole('link', { name: 'team-orders' })).toBeInTheDocument();
    // A finding that appeared is one that opened.
    expect(opened).toHaveTextContent('openedfinding owner-tag-missing: web');
    expect(api.getChanges).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: 'component:default/orders-api', hops: 1 }),
    );
    // The window held no more: nothing older to show.
    expect(screen.queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();
  });

  it('appends the older pages the button loads, from the cursor and window of the last one, until the end', async () => {
    const older = change({ id: 0, generation: 1, label: 'web', key: web.arn, serviceArns: [web.arn] });
    const oldest = change({ id: -1, generation: 1, label: 'billing', key: 'billing', serviceArns: [] });
    const window = { since: '2026-03-01T00:00:00.000Z', until: '2026-03-08T00:00:00.000Z' };
    const pages: Record<string, ChangesResponse> = {
      first: { ...window, changes, truncated: true, nextBefore: '2.1' },
      '2.1': { ...window, changes: [older], truncated: true, nextBefore: '1.0' },
      '1.0': { ...window, changes: [oldest], truncated: false },
    };
    const api = mockEcsNetworkingApi({
      getChanges: jest.fn(async (query: ChangesQuery = {}) => pages[query.before ?? 'first']),
    });
    await renderOnEntityPage(<EntityChanges entityRef="component:default/orders-api" />, ordersResource, api, mockCatalog([ordersResource]));
    const labels = async () =>
      within(await screen.findByRole('list', { name: 'Changes' }))
        .getAllByRole('listitem')
        .map(item => item.querySelector('strong')?.textContent);
    expect(await labels()).toEqual(['order-service', 'owner-tag-missing: web']);
    // The default page: no limit asked.
    expect(api.getChanges.mock.calls[0][0]).not.toHaveProperty('limit');

    fireEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    await waitFor(async () => expect(await labels()).toHaveLength(3));
    expect(api.getChanges).toHaveBeenLastCalledWith(
      expect.objectContaining({ entityRef: 'component:default/orders-api', hops: 1, before: '2.1', ...window }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Show older changes' }));
    await waitFor(async () => expect(await labels()).toEqual(['order-service', 'owner-tag-missing: web', 'web', 'billing']));
    expect(api.getChanges).toHaveBeenLastCalledWith(expect.objectContaining({ before: '1.0', ...window }));
    expect(screen.queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();
    expect(api.getChanges).toHaveBeenCalledTimes(3);
  });

  it('lists the callers by hop with how they call, and the owners to page', async () => {
    const api = mockEcsNetworkingApi({
      getBlastRadius: jest.fn(async () => ({
        generation: 1,
        hops: 2,
        targets: [],
        owners: ['group:default/team-web'],
        callers: [
          {
            hop: 1,
            service: { arn: web.arn, name: 'web', cluster: 'main', accountId: web.accountId, region: web.region, owner: 'group:default/team-web' },
            calls: [{ to: orders.arn, toName: 'order-service', endpointId: 'e', endpoint: 'orders:8080', mechanism: 'connect' as const }],
          },
        ],
      })),
    });
    await renderOnEntityPage(<EntityBlastRadius entityRef="component:default/orders-api" />, ordersResource, api);

    const table = await screen.findByRole('table', { name: 'Callers by hop' });
    const [, row] = within(table).getAllByRole('row');
    expect(row).toHaveTextContent('1webteam-webService Connectorders:8080 → order-service');
    expect(screen.getByRole('status')).toHaveTextContent('Owners to page: team-web');
    expect(api.getBlastRadius).toHaveBeenCalledWith({ entityRef: 'component:default/orders-api', hops: 2 });
  });

  it('appends an older page of the estate, and filters what is loaded', async () => {
    const older = change({ id: 0, generation: 1, label: 'web', key: web.arn, serviceArns: [web.arn] });
    const api = mockEcsNetworkingApi({
      getChanges: jest.fn(async (query: ChangesQuery = {}) =>
        query.before === '2.1'
          ? { since: 'S', until: 'U', changes: [older], truncated: false }
          : { since: 'S', until: 'U', changes, truncated: true, nextBefore: '2.1' },
      ),
    });
    await renderOnEntityPage(<EstateChanges />, ordersResource, api);
    const items = async () => within(await screen.findByRole('list', { name: 'Changes' })).getAllByRole('listitem');
    expect(await items()).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    await waitFor(async () => expect(await items()).toHaveLength(3));
    expect(api.getChanges).toHaveBeenLastCalledWith({ since: 'S', until: 'U', before: '2.1' });
    expect(screen.queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();
    fireEvent.mouseDown(screen.getByLabelText('Kind'));
    fireEvent.click(await screen.findByRole('option', { name: 'Services' }));
    expect((await items()).map(item => item.querySelector('strong')?.textContent)).toEqual(['order-service', 'web']);
  });

  it('filters the estate changes by kind and by text', async () => {
    const api = mockEcsNetworkingApi({
      getChanges: jest.fn(async () => ({ since: '', until: '', changes, truncated: false })),
    });
    await renderOnEntityPage(<EstateChanges />, ordersResource, api);
    const items = async () => within(await screen.findByRole('list', { name: 'Changes' })).getAllByRole('listitem');
    expect(await items()).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Filter changes'), { target: { value: 'team-orders' } });
    expect(await items()).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Filter changes'), { target: { value: '' } });

    fireEvent.mouseDown(screen.getByLabelText('Kind'));
    fireEvent.click(await screen.findByRole('option', { name: 'Findings' }));
    expect((await items()).map(item => item.textContent)).toEqual([expect.stringContaining('owner-tag-missing: web')]);
  });
});
