import type { RecordedChange } from '@ecs-net/plugin-ecs-networking-common';
import { fireEvent, screen, within } from '@testing-library/react';
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
      getChanges: jest.fn(async () => ({ since: '', until: '', changes, truncated: true })),
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
    expect(screen.getByText(/Only the newest 2 changes of the window were loaded/)).toBeInTheDocument();
    expect(api.getChanges).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: 'component:default/orders-api', hops: 1 }),
    );
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

  it('filters the estate changes by kind and by text', async () => {
    const api = mockEcsNetworkingApi({
      getChanges: jest.fn(async () => ({ since: '', until: '', changes, truncated: false })),
    });
    await renderOnEntityPage(<EstateChanges />, ordersResource, api);
    const items = async () => within(await screen.findByRole('list', { name: 'Changes' })).getAllByRole('listitem');
    expect(await items()).toHaveLength(2);

    fireEvent.change(screen.getByLabelText('Filter changes'), { target: { value: 'team-orders' } });
    expect(await items()).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Filter changes'), { target: { value: '' } });

    fireEvent.mouseDown(screen.getByLabelText('Kind'));
    fireEvent.click(await screen.findByRole('option', { name: 'Findings' }));
    expect((await items()).map(item => item.textContent)).toEqual([expect.stringContaining('owner-tag-missing: web')]);
  });
});
