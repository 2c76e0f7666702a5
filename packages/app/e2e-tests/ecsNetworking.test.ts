import { expect, test } from '@playwright/test';
import { ALL, SHOTS, signIn, waitForEstate } from './portal';

test.beforeEach(async ({ page }) => signIn(page));

test('a service page shows its endpoint names, callers and callees', async ({ page }) => {
  await page.goto('/catalog/default/resource/order-service-shop-euw1-1111');
  const card = page.getByText('ECS network', { exact: true }).locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(card.getByText('order-service:8080').first()).toBeVisible();
  await expect(card.getByText('Called by (2)')).toBeVisible();
  // user-service, product-service, mysql, and loyalty-service in the
  // partner account through the shared namespace.
  await expect(card.getByText('Calls (4)')).toBeVisible();
  await expect(card.getByText('env DATABASE_URL → jdbc:mysql://mysql.app:3306/orders')).toBeVisible();
  // The canary secret next to the database URL never reaches the page.
  expect(await page.content()).not.toContain('ecsnet-canary-7f3a9b');
  await page.screenshot({ path: `${SHOTS}/service-card.png`, fullPage: true });

  await page.getByRole('link', { name: 'Network', exact: true }).click();
  await expect(page.getByText('Neighbourhood of order-service')).toBeVisible();
  // The endpoint on the label of the line to mysql (its <title> holds it whole).
  await expect(page.locator('svg text').filter({ hasText: /^mysql\.app$/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/service-network-tab.png`, fullPage: true });
});

test('a service with a wiring mistake shows the finding and its fix', async ({ page }) => {
  await page.goto('/catalog/default/resource/payment-service-shop-euw1-1111');
  await expect(page.getByText(/Service Connect port name "payment-http" matches no port mapping/)).toBeVisible();
  await expect(page.getByText(/Name a port mapping "payment-http"/)).toBeVisible();
});

test('a namespace page lists the names in it, who answers on each and their owners', async ({ page, request }) => {
  // Namespace Resources come with the sync; run alone, this test may come first.
  await waitForEstate(request);
  await page.goto('/catalog/default/resource/sc.local-euw1-1111');
  const card = page
    .getByText('Names in this namespace')
    .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(card.getByText(/^\d+ names from \d+ ECS services$/)).toBeVisible();
  const inventory = card.getByRole('row').filter({ hasText: 'inventory:8080' });
  await expect(inventory.getByText('Service Connect')).toBeVisible();
  await expect(inventory.getByRole('link', { name: 'inventory-service' })).toBeVisible();
  await expect(inventory.getByRole('link', { name: 'team-catalog' })).toBeVisible();
  await inventory.getByRole('link', { name: 'inventory-service' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/resource\/inventory-service-/);
  await page.goBack();
  await expect(card.getByText('Findings about the namespace')).toBeVisible();
  // legacy-gateway and nightly-report call through sc.local (client-only
  // Service Connect) without answering on a name in it.
  const clients = card.getByText('Service Connect clients with no name here (2)').locator('..');
  await expect(clients.getByRole('link', { name: 'legacy-gateway' })).toBeVisible();
  // nightly-report has no owner tag: the default owner, marked as such.
  await expect(clients.getByText('(default owner)')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/namespace-card.png`, fullPage: true });
});

test('the network page lists the estate and finds owners', async ({ page }) => {
  await page.goto('/ecs-networking');
  // The demo's services and findings, plus the hostile estate's.
  await expect(page.getByText(`Showing ${ALL.services} of ${ALL.services} services, ${ALL.findings} findings`)).toBeVisible();
  // The shop's seven and loyalty-service, which joins it from 222222222222.
  await expect(page.getByText('sc.local — 8 services')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/network-page.png`, fullPage: true });

  await page.getByLabel('Who owns…').fill('mysql.app');
  await page.getByRole('button', { name: 'Look up' }).click();
  const lookup = page.getByText('Ownership lookup').locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(lookup.getByRole('link', { name: 'team-web' }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ownership-lookup.png`, fullPage: true });
});
