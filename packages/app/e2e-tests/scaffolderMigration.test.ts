import { expect, test } from '@playwright/test';
import { CANARY, downloadGeneratedFiles, SHOTS, signIn } from './portal';

test('the App Mesh migration offers only services on App Mesh and shows the names it will use', async ({ page }) => {
  await signIn(page);

  await page.goto('/create/templates/default/ecs-migrate-app-mesh');
  const service = page.getByRole('textbox', { name: 'ECS service on App Mesh' });
  await service.click();
  // user-service does not use App Mesh: it is not offered.
  await expect(page.getByRole('option', { name: /legacy-gateway/ }).first()).toBeVisible();
  await expect(page.getByRole('option', { name: /user-service/ })).toHaveCount(0);
  // Each option names its account and region.
  await expect(page.getByRole('option', { name: /legacy-gateway.*111111111111 \/ eu-west-1/ })).toBeVisible();
  await page.getByRole('option', { name: /legacy-gateway.*111111111111 \/ eu-west-1/ }).click();

  await expect(page.getByLabel('Client alias DNS name')).toHaveValue('legacy-gateway');
  await expect(page.getByLabel('Port name')).toHaveValue('http');
  // One page: the task size is the live one, not asked for.
  await page.getByRole('button', { name: 'Review' }).click();

  // The review shows the alias, discovery name, namespace and port name, not an entity ref.
  for (const [title, value] of [
    ['Service Connect namespace', 'sc.local'],
    ['Discovery name', 'legacy-gateway'],
    ['Client alias DNS name', 'legacy-gateway'],
    ['Port name', 'http'],
  ]) {
    await expect(page.getByRole('row', { name: new RegExp(`${title}.*${value}`) })).toBeVisible();
  }
  await page.screenshot({ path: `${SHOTS}/scaffolder-migration-review.png`, fullPage: true });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Migration generated and checked')).toBeVisible({ timeout: 90_000 });

  const files = await downloadGeneratedFiles(page, 'legacy-gateway-service-connect');
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['MIGRATION.md', 'terraform/main.tf', 'catalog-info.yaml']));
  // Without comments, the Terraform has Service Connect and no App Mesh proxy or Envoy.
  const terraform = files['terraform/main.tf'].replace(/#.*$/gm, '');
  expect(terraform).toContain('service_connect_configuration');
  expect(terraform).not.toMatch(/proxy_configuration|envoy/i);
  // It keeps the live task size and secret references, and no environment value but addresses.
  expect(terraform).toMatch(/cpu\s*=\s*"1024"/);
  expect(terraform).toMatch(/memory\s*=\s*"3072"/);
  expect(terraform).toContain('arn:aws:ssm:eu-west-1:111111111111:parameter/shop/legacy-gateway/signing-key');
  expect(terraform).not.toContain(CANARY);
});
