import { expect, test, type Page } from '@playwright/test';
import { downloadGeneratedFiles, SHOTS, signIn } from './portal';

/** Signs in and fills the first step of the Service Connect template. */
async function startServiceConnectForm(page: Page) {
  await signIn(page);

  await page.goto('/create/templates/default/ecs-service-connect');
  await page.getByRole('textbox', { name: 'Name' }).fill('cart-service');
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await owner.click();
  await owner.fill('team-ord');
  await page.getByRole('option', { name: /team-orders/ }).click();
}

test('a new Service Connect service is scaffolded, checked against live state', async ({ page }) => {
  await startServiceConnectForm(page);
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

  // No git host in the demo: publishing stays off, and the repository picker
  // shows only once it is on.
  await page.getByRole('button', { name: 'Next' }).click();
  const publish = page.getByRole('checkbox', { name: 'Publish to a new repository' });
  await expect(publish).not.toBeChecked();
  await publish.check();
  await expect(page.getByText('Repository', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Repository' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/scaffolder-repository.png`, fullPage: true });
  await publish.uncheck();
  await expect(page.getByRole('textbox', { name: 'Repository' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('cart-service').first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText('Check the wiring against live state')).toBeVisible();
  await expect(page.getByText('Generated and checked')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText(/Terraform checks out: shop\/cart-service answers on cart-service:8080/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/scaffolder-done.png`, fullPage: true });

  // No git host in the demo: the generated files are downloaded from the task's output.
  const files = await downloadGeneratedFiles(page, 'cart-service');
  await page.screenshot({ path: `${SHOTS}/scaffolder-generated-files.png`, fullPage: true });
  expect(Object.keys(files).sort()).toEqual([
    'README.md',
    'catalog-info.yaml',
    'terraform/main.tf',
    'terraform/outputs.tf',
    'terraform/variables.tf',
    'terraform/versions.tf',
  ]);
  expect(files['terraform/main.tf']).toMatch(/port_name\s+= "http"/);
  expect(files['terraform/main.tf']).toContain('USER_SERVICE_URL');
  expect(files['catalog-info.yaml']).toContain('name: cart-service');
});

test('a colliding client alias is shown in the form before Create, with the owner of the other service', async ({ page }) => {
  await startServiceConnectForm(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/No problems with these settings in the live network of 111111111111 \/ eu-west-1/)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('textbox', { name: 'Client alias DNS name' }).fill('user-service');
  const problem = page.getByText(/^Client alias DNS name: Client alias user-service:8080 .* claimed by shop\/user-service/);
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('owned by team-identity');
  await page.screenshot({ path: `${SHOTS}/scaffolder-live-check.png`, fullPage: true });

  // The step does not go on while the error stands.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('textbox', { name: 'Endpoints this service calls' })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Client alias DNS name' }).fill('cart-service');
  await expect(page.getByText(/No problems with these settings/)).toBeVisible();
});
