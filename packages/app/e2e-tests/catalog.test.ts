import { expect, test } from '@playwright/test';
import { SHOTS, signIn } from './portal';

test('the portal opens the catalog with the demo estate', async ({ page }) => {
  await signIn(page);

  // ECS services arrive as Resources once the first sync has run.
  await page.goto('/?filters[kind]=resource&filters[type]=ecs-service');
  await expect(page.getByRole('link', { name: 'order-service' }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/catalog-ecs-services.png`, fullPage: true });
});
