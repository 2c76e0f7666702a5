import { expect, Page, test } from '@playwright/test';
import { backendText, guestToken, SHOTS, signIn, waitForEstate } from './portal';

// What a new user meets first on /ecs-networking and the entity pages:
// layout, sync time, filters, owners, names that tell places apart.

test.beforeEach(async ({ page }) => signIn(page));

/** Widths of the page and of the window, and whether any service row's counts are cut. */
async function layout(page: Page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
    cutCounts: [...document.querySelectorAll('[role="listitem"] span')]
      .filter(span => /^\d+ callers? · \d+ callees?$/.test(span.textContent ?? ''))
      .filter(span => span.scrollWidth > span.clientWidth).length,
  }));
}

for (const width of [1280, 1440]) {
  test(`the network page fits a ${width} px window, with a header and margins`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/ecs-networking');
    await expect(page.getByRole('heading', { name: 'Services, endpoints and findings' })).toBeVisible();
    await expect(page.getByText(/^\d+ callers? · \d+ callees?$/).first()).toBeVisible();
    const { page: pageWidth, window: windowWidth, cutCounts } = await layout(page);
    expect(pageWidth).toBe(windowWidth);
    expect(cutCounts).toBe(0);
    // Not flush against the sidebar (its links span its width).
    const sidebar = await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'ECS Networking' })
      .boundingBox();
    const lookup = await page.getByText('Ownership lookup').boundingBox();
    expect(lookup!.x - (sidebar!.x + sidebar!.width)).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: `${SHOTS}/network-page-${width}.png`, fullPage: true });
  });
}

test('the network page says how old its data is, refreshes, and keeps its filters in the address', async ({ page }) => {
  await page.goto('/ecs-networking');
  const age = page.locator('time').filter({ hasText: /ago|just now|yesterday/ });
  await expect(age).toBeVisible();
  expect(await age.getAttribute('title')).toMatch(/\d{4}.*\d{1,2}:\d{2}:\d{2}/);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(age).toBeVisible();

  // The severity option counts the findings it lists.
  const severity = page.getByLabel('Finding severity');
  const warning = await severity.locator('option[value="warning"]').textContent();
  const count = Number(warning!.match(/\((\d+)\)/)![1]);
  await severity.selectOption('warning');
  await expect(page.getByText(new RegExp(`, ${count} findings?$`))).toBeVisible();
  await expect(page.getByRole('list', { name: 'Findings' }).getByRole('listitem')).toHaveCount(count);

  await page.getByLabel('Name contains').fill('report');
  await expect(page).toHaveURL(/severity=warning/);
  await expect(page).toHaveURL(/q=report/);
  await page.reload();
  await expect(page.getByLabel('Finding severity')).toHaveValue('warning');
  await expect(page.getByLabel('Name contains')).toHaveValue('report');
  // nightly-report's fix is shown whole, not cut to a line.
  const fix = page.getByText(/^Fix: Register component:default\/nightly-report/);
  await expect(fix).toBeVisible();
  expect(await fix.getAttribute('title')).toBeNull();
});

test('a component tag naming no Component is a finding with a fix, not a broken link', async ({ page, request }) => {
  await waitForEstate(request);
  await page.goto('/catalog/default/resource/mysql-web-euw1-1111');
  await expect(page.getByText(/names component:default\/mysql, which is not in the catalog/)).toBeVisible();
  await expect(page.getByText(/Register component:default\/mysql in the catalog/)).toBeVisible();
  await expect(page.getByText(/can't be found in the catalog/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/dangling-component.png`, fullPage: true });
});

test('a service without an owner tag shows its default owner one way, marked as the default', async ({ page }) => {
  await page.goto('/catalog/default/resource/nightly-report-shop-euw1-1111');
  const card = page.getByText('ECS network', { exact: true }).locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(card.getByText('(default owner)')).toBeVisible();
  await expect(card.getByRole('link', { name: 'platform-team' })).toBeVisible();
  await expect(card.getByText('no owner tag', { exact: true })).toHaveCount(0);
  await expect(card.getByText(/gives this service the default owner/)).toBeVisible();
});

test("a namespace is owned by the owner its own tag names", async ({ page, request }) => {
  await waitForEstate(request);
  await page.goto('/catalog/default/resource/sc.local-euw1-1111');
  await expect(page.getByRole('heading', { name: 'sc.local (eu-west-1)' })).toBeVisible();
  // The namespace's own owner, in the About card (the entity as published).
  // Services inside it may still have the fallback owner (nightly-report has
  // no owner tag), so the check stays on the namespace's own card.
  const about = page
    .getByRole('heading', { name: 'About', level: 3 })
    .locator('xpath=ancestor::*[.//h2[normalize-space()="Owner"]][1]');
  await expect(about.getByRole('link', { name: 'team-platform' })).toBeVisible();
  await expect(about.getByRole('link', { name: 'platform-team' })).toHaveCount(0);
});

test('a linked Component lists the endpoint APIs its service provides', async ({ page, request }) => {
  await waitForEstate(request);
  await page.goto('/catalog/default/component/order-service');
  await expect(page.getByText(/does not provide any APIs/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'order-service:8080' }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/component-provided-apis.png`, fullPage: true });
});

test('same-named services and endpoints say where they run, in lists and search', async ({ page, request }) => {
  await waitForEstate(request);
  await page.goto('/?filters[kind]=resource&filters[type]=ecs-service');
  await expect(page.getByRole('link', { name: 'user-service (eu-west-1)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'user-service (us-east-1)' })).toBeVisible();
  await page.goto('/api-docs');
  await expect(page.getByRole('link', { name: 'user-service:8080 (us-east-1)' })).toBeVisible();
  // The search index is rebuilt soon after the sync, not ten minutes later.
  await expect
    .poll(
      async () => {
        const token = await guestToken(request);
        const found = JSON.parse(await backendText(request, token, '/api/search/query?term=user-service'));
        return found.results.map((r: { document: { title: string } }) => r.document.title);
      },
      { timeout: 150_000, intervals: [5000] },
    )
    .toEqual(expect.arrayContaining(['user-service (eu-west-1)', 'user-service (us-east-1)']));
  await page.goto('/search?query=user-service');
  await expect(page.getByRole('link', { name: 'user-service (us-east-1)' }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/search-same-name.png`, fullPage: true });
});

test('the catalog opens on the ECS Resources', async ({ page, request }) => {
  await waitForEstate(request);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /^All Resources \(\d+\)$/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'analytics-service', exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/catalog-home.png` });
});
