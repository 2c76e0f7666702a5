import type { Entity } from '@backstage/catalog-model';
import { analyzeNetwork } from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EcsNetworkingApi } from '../../api';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import { mockCatalog, mockEcsNetworkingApi } from '../../__testUtils__/apis';
import {
  entityNetworkOf,
  networkResponse,
  serviceNamed,
  serviceResource,
  shopModel,
  shopSnapshots,
} from '../../__testUtils__/estate';
import { EcsNetworkingContent } from './EcsNetworkingContent';

/** The tab for `entity`; the estate's network (for owners, findings and two hops) is `estate`'s. */
async function renderContent(entity: Entity, api: jest.Mocked<EcsNetworkingApi>, estate = shopModel()) {
  api.getNetwork.mockImplementation(async () => networkResponse(estate));
  return renderOnEntityPage(<EcsNetworkingContent />, entity, api, mockCatalog([entity]));
}

/** A chain of services calling the next over Service Connect. */
function chain(names: string[]) {
  const builder = scope('111111111111', 'eu-west-1').namespace('sc.local', 'HTTP');
  names.forEach((name, i) => {
    const next = names[i + 1];
    builder.service(name, {
      serviceConnect: {
        namespace: 'sc.local',
        services: [{ portName: 'http', discoveryName: name, clientAliases: [{ dnsName: name, port: 80 }] }],
      },
      containers: next ? [{ environment: { NEXT_URL: `http://${next}:80` } }] : [],
    });
  });
  const snapshots = [builder.build()];
  return { snapshots, model: analyzeNetwork(snapshots) };
}

describe('EcsNetworkingContent', () => {
  const snapshots = shopSnapshots();
  const model = shopModel();
  const orders = serviceResource(serviceNamed(model, 'order-service'));

  it('draws callers and callees with the endpoint on each line', async () => {
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () =>
        entityNetworkOf(model, snapshots, ['order-service']),
      ),
    });
    await renderContent(orders, api);

    const graph = await screen.findByRole('img', {
      name: /web calls order-service via orders:8080 \(Service Connect\)/,
    });
    expect(graph).toHaveAccessibleName(
      expect.stringContaining(
        'order-service calls mysql via mysql.app (Service Discovery)',
      ),
    );
    const labels = [...graph.querySelectorAll('text')].map(t => t.textContent);
    expect(labels).toEqual(
      expect.arrayContaining(['orders:8080', 'mysql.app', 'user-service:8080']),
    );
    // Mechanisms differ by line pattern as well as colour.
    const dns = graph.querySelector('[data-mechanism="dns"] path');
    const connect = graph.querySelector('[data-mechanism="connect"] path');
    expect(dns).toHaveAttribute('stroke-dasharray');
    expect(connect).not.toHaveAttribute('stroke-dasharray');

    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getByText('Service Connect')).toBeInTheDocument();
    expect(within(legend).getByText('Service Discovery')).toBeInTheDocument();

    // The service itself links to its catalog entity.
    expect(
      (await screen.findAllByRole('link', { name: 'order-service' }))[0],
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/order-service-shop-euw1-1111',
    );
  });

  it('does not repeat the Overview card: no endpoint, call or finding details', async () => {
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () => entityNetworkOf(model, snapshots, ['order-service'])),
    });
    await renderContent(orders, api);
    await screen.findByText('Neighbourhood of order-service');
    expect(screen.queryByText('Endpoints, calls and findings')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Called by' })).toBeNull();
  });

  it('lists the running tasks with their live IPs and health', async () => {
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () =>
        entityNetworkOf(model, snapshots, ['order-service', 'user-service', 'nightly-batch']),
      ),
    });
    await renderContent(orders, api);
    const table = await screen.findByRole('table', { name: 'Running tasks' });
    const rowOf = (text: string) => within(table).getByText(text).closest('tr')!;
    expect(within(rowOf('10.0.1.10')).getByText('healthy')).toBeInTheDocument();
    expect(within(rowOf('10.0.1.11')).getByText('healthy')).toBeInTheDocument();
    expect(within(rowOf('10.0.2.20')).getByText('unhealthy')).toBeInTheDocument();
    expect(within(rowOf('10.0.1.10')).getByText('Service Connect on, sc.local')).toBeInTheDocument();
    expect(within(rowOf('Service Connect off')).getByText('no running task')).toBeInTheDocument();
  });

  it('picks up a live update without a reload: a new task once the generation moves, and its age', async () => {
    const before = entityNetworkOf(model, snapshots, ['order-service']);
    const [service] = before.services;
    const newTask = { ...service.tasks[0], ip: '10.0.1.99' };
    const updatedAt = new Date().toISOString();
    const after = {
      ...before,
      generation: 2,
      services: [{ ...service, tasks: [...service.tasks, newTask] }],
      scopes: before.scopes.map(s => ({ ...s, updatedAt })),
    };
    let generation = 1;
    const api = mockEcsNetworkingApi({
      getStatus: jest.fn(async () => ({ generation, scopes: after.scopes })),
      getEntityNetwork: jest.fn(async () => (generation === 1 ? before : after)),
    });
    await renderContent(orders, api);
    const table = await screen.findByRole('table', { name: 'Running tasks' });
    expect(within(table).queryByText('10.0.1.99')).toBeNull();
    // Polls while nothing changed re-fetch nothing.
    await waitFor(() => expect(api.getStatus).toHaveBeenCalled(), { timeout: 20_000 });
    expect(api.getEntityNetwork).toHaveBeenCalledTimes(1);

    generation = 2;
    expect(await within(table).findByText('10.0.1.99', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(api.getEntityNetwork).toHaveBeenCalledTimes(2);
    const age = screen.getByText(/^just now$| seconds? ago$/);
    expect(age.closest('time')).toHaveAttribute('dateTime', updatedAt);
  }, 60_000);

  it('caps a crowded side of the graph and says how many are left out', async () => {
    const builder = scope('111111111111', 'eu-west-1')
      .namespace('sc.local', 'HTTP')
      .service('hub', {
        serviceConnect: {
          namespace: 'sc.local',
          services: [
            {
              portName: 'http',
              discoveryName: 'hub',
              clientAliases: [{ dnsName: 'hub', port: 80 }],
            },
          ],
        },
      });
    for (let i = 0; i < 20; i++) {
      builder.service(`caller-${i}`, {
        serviceConnect: { namespace: 'sc.local', services: [] },
        containers: [{ environment: { HUB_URL: 'http://hub:80' } }],
      });
    }
    const crowded = [builder.build()];
    const crowdedModel = analyzeNetwork(crowded);
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () =>
        entityNetworkOf(crowdedModel, crowded, ['hub']),
      ),
    });
    await renderContent(
      serviceResource(serviceNamed(crowdedModel, 'hub')),
      api,
    );
    expect(
      await screen.findByText('+8 more (see the Overview)'),
    ).toBeInTheDocument();
    const graph = screen.getByRole('img', { name: /calls hub/ });
    expect(graph.querySelectorAll('path[stroke]')).toHaveLength(12);
  });

  it('puts each label on a background of its own, and badges each service with its owner and findings', async () => {
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () => entityNetworkOf(model, snapshots, ['order-service'])),
    });
    await renderContent(orders, api);
    const graph = await screen.findByRole('img', { name: /web calls order-service/ });
    const label = [...graph.querySelectorAll('g')].find(g => g.querySelector('text')?.textContent === 'orders:8080')!;
    expect(label.querySelector('rect')).toHaveAttribute('fill');
    // nightly-batch calls without Service Connect: a finding on it.
    const batch = serviceNamed(model, 'nightly-batch');
    const findings = model.findings.filter(f => f.subject.arn === batch.arn).length;
    expect(findings).toBeGreaterThan(0);
    expect(await screen.findByRole('img', { name: new RegExp(`^${findings} findings?, worst: `) })).toBeInTheDocument();
    expect(screen.getAllByText(serviceNamed(model, 'web').owner!).length).toBeGreaterThan(0);
  });

  it('shows two hops out on request: the callers of callers and the callees of callees', async () => {
    const { snapshots: chained, model: chainModel } = chain(['edge', 'front', 'hub', 'back', 'store']);
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () => entityNetworkOf(chainModel, chained, ['hub'])),
    });
    await renderContent(serviceResource(serviceNamed(chainModel, 'hub')), api, chainModel);
    const graph = await screen.findByRole('img', { name: /front calls hub/ });
    expect(graph).not.toHaveAccessibleName(expect.stringContaining('edge calls front'));
    const twoHops = screen.getByRole('button', { name: '2 hops' });
    await waitFor(() => expect(twoHops).toBeEnabled());
    fireEvent.click(twoHops);
    expect(graph).toHaveAccessibleName(expect.stringContaining('edge calls front via front:80'));
    expect(graph).toHaveAccessibleName(expect.stringContaining('back calls store via store:80'));
    expect(screen.getByText('store')).toBeInTheDocument();
  });

  it('draws one hop from the entity\'s own answer when the estate cannot be read', async () => {
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () => entityNetworkOf(model, snapshots, ['order-service'])),
      getNetwork: jest.fn(async () => {
        throw new Error('estate unavailable');
      }),
    });
    await renderOnEntityPage(<EcsNetworkingContent />, orders, api, mockCatalog([orders]));
    expect(await screen.findByRole('img', { name: /web calls order-service via orders:8080/ })).toBeInTheDocument();
    await waitFor(() => expect(api.getNetwork).toHaveBeenCalled());
    expect(screen.getByRole('button', { name: '2 hops' })).toBeDisabled();
  });

  it('zooms with its buttons', async () => {
    const api = mockEcsNetworkingApi({
      getEntityNetwork: jest.fn(async () => entityNetworkOf(model, snapshots, ['order-service'])),
    });
    await renderContent(orders, api);
    await screen.findByRole('img', { name: /web calls order-service/ });
    const zoom = () => Number(screen.getByRole('status').textContent!.replace(/\D/g, ''));
    const before = zoom();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(zoom()).toBeGreaterThan(before);
    fireEvent.click(screen.getByRole('button', { name: 'Fit the graph' }));
    expect(zoom()).toBe(before);
  });
});
