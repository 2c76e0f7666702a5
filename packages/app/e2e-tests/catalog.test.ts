import { expect, Page, test } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
}

test('the portal opens the catalog with the demo estate', async ({ page }) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Catalog', exact: true })).toBeVisible();

  // ECS services arrive as Resources once the first sync has run.
  await page.goto('/?filters[kind]=resource&filters[type]=ecs-service');
  await expect(page.getByRole('link', { name: 'order-service' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/catalog-ecs-services.png', fullPage: true });
});
