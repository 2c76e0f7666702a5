import { expect, Page, test } from '@playwright/test';
import {
  ALL,
  BACKEND,
  backendText,
  CANARY,
  catalogEntities,
  CatalogEntity,
  entityPath,
  guestToken,
  signIn,
  waitForEstate,
} from './portal';

// Both estates hold the canary where AWS keeps secrets: task definition
// environment values (a password, a URL's user info, a query string, a plain
// note) and Cloud Map instances' custom attributes. None of it may reach
// what the portal serves or shows. scripts/test.mjs checks the portal's logs
// for it too.

const MANAGED_BY = 'backstage.io/managed-by-location';
const ECS_LOCATION = 'ecs-networking:ecs-networking';
const ECS_MANAGED = `metadata.annotations.${MANAGED_BY}=${ECS_LOCATION}`;

function withoutCanary(where: string, text: string) {
  const at = text.indexOf(CANARY);
  expect(at === -1 ? '' : `${where}: …${text.slice(Math.max(0, at - 120), at + 40)}…`).toBe('');
}

/** The names the lookup answers for: endpoints, namespaces, services, ARNs, task IPs. */
function lookupQueries(network: any, snapshots: any[], taskIps: Iterable<string>): string[] {
  const queries = new Set<string>(taskIps);
  for (const endpoint of network.endpoints) queries.add(endpoint.name);
  for (const namespace of network.namespaces) queries.add(namespace.name);
  for (const service of network.services) {
    queries.add(service.name);
    queries.add(service.arn);
  }
  for (const snapshot of snapshots) {
    for (const cloudMap of snapshot.cloudMapServices) {
      queries.add(cloudMap.name);
      for (const instance of cloudMap.instances) queries.add(instance.id);
    }
  }
  return [...queries];
}

test.describe('the canary secret', () => {
  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(240_000);
    const request = await playwright.request.newContext();
    try {
      await waitForEstate(request);
    } finally {
      await request.dispose();
    }
  });

  test('is in no response of any ecs-networking route', async ({ request }) => {
    const token = await guestToken(request);
    const api = (path: string) => backendText(request, token, `/api/ecs-networking${path}`);

    const network = await api('/network');
    withoutCanary('/network', network);
    withoutCanary('/status', await api('/status'));
    withoutCanary('/health', await api('/health'));

    const snapshots: any[] = [];
    for (let offset: number | undefined = 0; offset !== undefined; ) {
      const body = await api(`/snapshots?offset=${offset}&limit=2`);
      withoutCanary(`/snapshots?offset=${offset}`, body);
      const page = JSON.parse(body);
      snapshots.push(...page.items);
      offset = page.nextOffset;
    }
    const model = JSON.parse(network);
    expect(snapshots.length).toBe(model.scopes.length);

    const { entities } = await catalogEntities(request, token, ECS_MANAGED);
    const taskIps = new Set<string>();
    for (const entity of entities) {
      const { namespace = 'default', name } = entity.metadata;
      const path = `/entities/${namespace}/${entity.kind.toLowerCase()}/${name}`;
      const body = await api(path);
      withoutCanary(path, body);
      for (const [ip] of body.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) taskIps.add(ip);
    }

    const queries = lookupQueries(model, snapshots, taskIps);
    for (const q of queries) {
      withoutCanary(`/lookup?q=${q}`, await api(`/lookup?q=${encodeURIComponent(q)}`));
    }
    // The routes above ran on the whole estate, not on an empty one.
    expect(model.services).toHaveLength(ALL.services);
    expect(entities).toHaveLength(model.services.length + model.namespaces.length + model.endpoints.length);
    expect(queries.length).toBeGreaterThan(entities.length);
  });

  test('is in no catalog entity', async ({ request }) => {
    const token = await guestToken(request);
    const { entities, bodies } = await catalogEntities(request, token);
    bodies.forEach((body, i) => withoutCanary(`catalog page ${i + 1}`, body));
    expect(
      entities.filter(e => e.kind === 'Resource' && e.metadata.annotations?.['ecs-networking.io/service-arn']),
    ).toHaveLength(ALL.services);
  });

  test('is on no plugin page, nor in anything those pages load', async ({ page, request }) => {
    // Some 80 pages; each is opened inside the running app, not reloaded.
    test.setTimeout(600_000);
    const loaded: string[] = [];
    const leaks: string[] = [];
    page.on('response', async response => {
      if (!response.url().startsWith(BACKEND)) return;
      loaded.push(response.url());
      const body = await response.text().catch(() => '');
      if (body.includes(CANARY)) leaks.push(response.url());
    });
    await signIn(page);

    const token = await guestToken(request);
    const { entities: all } = await catalogEntities(request, token);
    const entities = all.filter(e => e.metadata.annotations?.[MANAGED_BY] === ECS_LOCATION || e.kind === 'Component');
    const check = async (path: string) => {
      withoutCanary(`${path} (text)`, await page.evaluate(() => document.body.innerText));
      withoutCanary(`${path} (HTML)`, await page.content());
    };
    await openInApp(page, '/ecs-networking', '/api/ecs-networking/network');
    await check('/ecs-networking');
    let withNetwork = 0;
    let namespaces = 0;
    for (const entity of entities) {
      const path = entityPath(entity);
      const api = `/api/ecs-networking/entities${path.slice('/catalog'.length)}`;
      if (isNamespace(entity)) {
        // The namespace card loads what is named in the namespace.
        namespaces += 1;
        await openInApp(page, path, api);
        await check(path);
        continue;
      }
      if (!showsNetwork(entity)) {
        await openInApp(page, path);
        await expect(page.getByRole('heading', { name: entity.metadata.title ?? entity.metadata.name, exact: true }).first()).toBeVisible();
        await check(path);
        continue;
      }
      // Both the overview's card and the Network tab load the entity's network.
      withNetwork += 1;
      for (const tab of [path, `${path}/ecs-networking`]) {
        await openInApp(page, tab, api);
        await check(tab);
      }
    }
    expect(leaks).toEqual([]);
    expect(namespaces).toBeGreaterThan(0);
    expect(loaded.filter(url => url.includes('/api/ecs-networking/entities/')).length).toBe(
      2 * withNetwork + namespaces,
    );
    // Every ECS service of both estates was among them.
    expect(
      entities.filter(e => e.kind === 'Resource' && e.metadata.annotations?.['ecs-networking.io/service-arn']),
    ).toHaveLength(ALL.services);
  });
});

/** The plugin's own rule (isEcsNamespace): which entities get the namespace card. */
function isNamespace(entity: CatalogEntity): boolean {
  return (
    entity.kind === 'Resource' &&
    entity.spec?.type === 'cloud-map-namespace' &&
    Boolean(entity.metadata.annotations?.['ecs-networking.io/namespace-arn'])
  );
}

/** The plugin's own rule (isEcsNetworkingAvailable): which entities get its card and tab. */
function showsNetwork(entity: CatalogEntity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    Boolean(annotations['ecs-networking.io/service-arn']) ||
    Boolean(annotations['ecs-networking.io/endpoint-id']) ||
    entity.kind === 'Component'
  );
}

/**
 * Navigates the single-page app without a reload; with `api`, waits for the
 * page's request to it to be answered and for the page to finish rendering.
 */
async function openInApp(page: Page, path: string, api?: string) {
  // Entity names are case-insensitive; the frontend asks in lower case.
  const url = `${BACKEND}${api}`.toLowerCase();
  const answered = api && page.waitForResponse(response => response.url().toLowerCase().startsWith(url));
  await page.evaluate(to => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await answered;
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}
