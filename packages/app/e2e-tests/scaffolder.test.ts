import { expect, test } from '@playwright/test';
import { SHOTS, signIn } from './portal';

test('a new Service Connect service is scaffolded, checked against live state', async ({ page }) => {
  await signIn(page);

  await page.goto('/create/templates/default/ecs-service-connect');
  await page.getByRole('textbox', { name: 'Name' }).fill('cart-service');
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await owner.click();
  await owner.fill('team-ord');
  await page.getByRole('option', { name: /team-orders/ }).click();
  for (const step of ['Where it runs', 'Service Connect', 'Dependencies']) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(step, { exact: true }).first()).toBeVisible();
  }

  // Endpoints come from the live network, with their owners.
  const endpoints = page.getByRole('textbox', { name: 'Endpoints this service calls' });
  await endpoints.click();
  await endpoints.fill('user-service');
  await page.getByRole('option', { name: /user-service:8080/ }).first().click();
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${SHOTS}/scaffolder-dependencies.png`, fullPage: true });

  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('cart-service').first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText('Check the wiring against live state')).toBeVisible();
  await expect(page.getByText('Generated and checked')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText(/Terraform checks out: shop\/cart-service answers on cart-service:8080/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/scaffolder-done.png`, fullPage: true });
});
