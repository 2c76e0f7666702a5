import { expect, Page, test } from '@playwright/test';
import { ALL, catalogEntities, entityPath, guestToken, HOSTILE, openTemplate, SHOTS, signIn } from './portal';

// Markup the hostile estate holds where AWS allows it (Cloud Map HTTP
// namespace names). Inserted as HTML, the first sets window.__ecsnetXss and
// the second opens an alert.
const IMG_NAMESPACE = '<img/src/onerror=window.__ecsnetXss=1>';
const SVG_NAMESPACE = `"'><svg/onload=alert(4)>`;

/**
 * Watches a page for any sign that hostile text ran as script: a dialog, the
 * flag the payloads set, or an element carrying an inline event handler or
 * a script holding a payload (React never writes either).
 */
function scriptGuard(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', async dialog => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return async (where: string) => {
    const state = await page.evaluate(() => ({
      flag: (window as any).__ecsnetXss,
      handlers: document.querySelectorAll('[onerror], [onload]').length,
      scripts: [...document.scripts].filter(s => s.text.includes('__ecsnetXss')).length,
    }));
    expect({ where, dialogs, ...state }).toEqual({
      where,
      dialogs: [],
      flag: undefined,
      handlers: 0,
      scripts: 0,
    });
  };
}

test.describe('hostile input from AWS', () => {
  let expectNoScriptRan: (where: string) => Promise<void>;

  test.beforeEach(async ({ page }) => {
    expectNoScriptRan = scriptGuard(page);
    await signIn(page);
  });

  test('renders as text on the network page, and the rest of the estate is still there', async ({ page }) => {
    await page.goto('/ecs-networking');
    await expect(
      page.getByText(`Showing ${ALL.services} of ${ALL.services} services, ${ALL.findings} findings`),
    ).toBeVisible();
    await page.getByLabel('Account').selectOption(HOSTILE.accountId);
    await expect(
      page.getByText(`Showing ${HOSTILE.services} of ${ALL.services} services, ${HOSTILE.findings} findings`),
    ).toBeVisible();

    await expect(page.getByText(`${IMG_NAMESPACE} — 2 services`)).toBeVisible();
    // The list renders only the rows in view; narrow it to the Unicode owner.
    await page.getByLabel('Name contains').fill('équipe');
    await expect(page.getByText(`Showing 1 of ${ALL.services} services`, { exact: false })).toBeVisible();
    const services = page
      .getByText('Services by namespace')
      .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
    await expect(services.getByText('équipe-données')).toBeVisible();
    // Its malformed depends-on ARN is a finding, not a failure.
    await expect(
      page.getByText(/tag depends-on names arn:aws:ecs:eu-west-1:333333333333:service\/hostile, which no known endpoint/),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/hostile-network-page.png`, fullPage: true });
    await expectNoScriptRan('network page');
  });

  test('renders as text on entity pages: service, namespaces, endpoint', async ({ page, request }) => {
    const token = await guestToken(request);
    const { entities } = await catalogEntities(
      request,
      token,
      `metadata.annotations.ecs-networking.io/account-id=${HOSTILE.accountId}`,
    );
    const byTitle = (kind: string, title: string) => {
      const found = entities.filter(e => e.kind === kind && e.metadata.title === title);
      expect(found, `${kind} ${title}`).toHaveLength(1);
      return found[0];
    };

    await page.goto(entityPath(byTitle('Resource', 'orders')));
    await expect(page.getByText('ECS network', { exact: true })).toBeVisible();
    await expect(page.getByText('orders:8080').first()).toBeVisible();
    await expect(page.getByText('système-paiement').first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/hostile-service-card.png`, fullPage: true });
    await expectNoScriptRan('service overview');

    // A 255-character caller is linked to its Resource and wraps inside its list.
    const callers = page.getByRole('list', { name: 'Called by' });
    const longCaller = callers.getByRole('link', { name: `long-service-name-${'x'.repeat(236)}1` });
    await expect(longCaller).toBeVisible();
    const [link, list] = [await longCaller.boundingBox(), await callers.boundingBox()];
    expect(link!.x + link!.width).toBeLessThanOrEqual(list!.x + list!.width + 1);

    await page.getByRole('link', { name: 'Network', exact: true }).click();
    await expect(page.getByText('Neighbourhood of orders')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/hostile-service-network-tab.png`, fullPage: true });
    await expectNoScriptRan('service network tab');

    for (const title of [IMG_NAMESPACE, SVG_NAMESPACE]) {
      await page.goto(entityPath(byTitle('Resource', title)));
      await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
      await expectNoScriptRan(`namespace ${title}`);
    }
    await page.screenshot({ path: `${SHOTS}/hostile-namespace.png`, fullPage: true });

    await page.goto(`${entityPath(byTitle('API', 'orders:8080'))}/definition`);
    await expect(page.getByText(`namespace: "${IMG_NAMESPACE}" (HTTP)`)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/hostile-endpoint-definition.png`, fullPage: true });
    await expectNoScriptRan('endpoint definition');
  });

  test('renders as text in the scaffolder pickers', async ({ page }) => {
    await openTemplate(page, 'ecs-service-connect');
    await page.getByRole('textbox', { name: 'Name' }).fill('probe');
    await page.getByRole('button', { name: 'Next' }).click();

    // Account and cluster are picked from the live network, not typed.
    await pickOption(page, 'AWS account', HOSTILE.accountId);
    await pickOption(page, 'ECS cluster', 'hostile');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('checkbox', { name: /Use the cluster's default/ }).uncheck();
    const namespace = page.getByRole('textbox', { name: 'Service Connect namespace' });
    await namespace.click();
    await expect(page.getByRole('option', { name: new RegExp(escapeRegExp(IMG_NAMESPACE)) })).toBeVisible();
    await expect(page.getByRole('option', { name: new RegExp(escapeRegExp(SVG_NAMESPACE)) })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/hostile-namespace-picker.png`, fullPage: true });
    // Picked, it is refused as a namespace to scaffold into, and the
    // message quotes it as text.
    await page.getByRole('option', { name: new RegExp(escapeRegExp(IMG_NAMESPACE)) }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(`${IMG_NAMESPACE} is not a namespace name`).first()).toBeVisible();
    await expectNoScriptRan('namespace picker');
    // Neither namespace of the hostile account can take a new service, nor
    // does cluster hostile have a default: the form stops here, and says so
    // naming the cluster as text.
    await page.getByRole('checkbox', { name: /Use the cluster's default/ }).check();
    await expect(
      page.getByText(/Service Connect namespace: Service Connect is on but neither the service nor cluster hostile names a namespace/).first(),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('textbox', { name: 'Endpoints this service calls' })).toHaveCount(0);
    await expectNoScriptRan('scaffolder pickers');
  });
});

test.describe('hostile input in the scaffolder form', () => {
  test('refuses a path-traversal name and shell characters before anything runs', async ({ page }) => {
    const expectNoScriptRan = scriptGuard(page);
    await signIn(page);
    await openTemplate(page, 'ecs-service-connect');
    await page.getByRole('textbox', { name: 'Name' }).fill('../../etc');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(/must match pattern/).first()).toBeVisible();
    // Still on the first step: nothing was accepted.
    await expect(page.getByRole('textbox', { name: 'AWS account' })).toBeHidden();
    await page.screenshot({ path: `${SHOTS}/scaffolder-traversal-refused.png`, fullPage: true });

    await page.getByRole('textbox', { name: 'Name' }).fill('checkout');
    await page.getByRole('button', { name: 'Next' }).click();
    // The cluster is picked from the live network: typed shell characters
    // match no cluster, and leaving the field keeps the listed one.
    const cluster = page.getByRole('textbox', { name: 'ECS cluster' });
    await cluster.click();
    await cluster.fill('shop; rm -rf /');
    await expect(page.getByText('No options')).toBeVisible();
    await page.getByRole('textbox', { name: 'Container image' }).click();
    await expect(cluster).toHaveValue('shop');
    // The container image is free text: shell characters in it are refused.
    await page.getByRole('textbox', { name: 'Container image' }).fill('nginx; rm -rf /');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(/must match pattern/).first()).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Use the cluster's default/ })).toBeHidden();
    await expectNoScriptRan('scaffolder form');
  });
});

test.describe('hostile input in the catalog', () => {
  test('keeps every service under its own entity name, titled as in AWS', async ({ request }) => {
    const token = await guestToken(request);
    const { entities } = await catalogEntities(
      request,
      token,
      `kind=resource,spec.type=ecs-service,metadata.annotations.ecs-networking.io/account-id=${HOSTILE.accountId}`,
    );
    const titles = entities.map(e => e.metadata.title).sort();
    expect(titles).toEqual(
      [
        '__',
        'Orders',
        'orders',
        'web__app',
        'web_app',
        `long-service-name-${'x'.repeat(236)}1`,
        `long-service-name-${'x'.repeat(236)}2`,
      ].sort(),
    );
    const names = entities.map(e => e.metadata.name);
    expect(new Set(names.map(n => n.toLowerCase())).size).toBe(HOSTILE.services);
    for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,61}[a-zA-Z0-9])?$/);
  });
});

/** Picks a listed value in one of the form's live pickers (an autocomplete). */
async function pickOption(page: Page, label: string, value: string) {
  const field = page.getByRole('textbox', { name: label });
  await field.click();
  await field.fill(value);
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(value)}`) }).click();
  await expect(field).toHaveValue(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
