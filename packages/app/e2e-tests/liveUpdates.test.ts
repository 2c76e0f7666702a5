import { DescribeServicesCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { expect, test } from '@playwright/test';
import { SHOTS, signIn } from './portal';

// The local AWS endpoint of the test stack, reached with the real SDK as
// anyone scaling a service would; its change events reach the backend
// through the SQS queue and Backstage's SQS events module.
const ecs = new ECSClient({
  endpoint: process.env.PLAYWRIGHT_AWS_URL ?? 'http://127.0.0.1:4566',
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIADEMO111111111111', secretAccessKey: 'demo' },
});
const ORDER_SERVICE = { cluster: 'shop', service: 'order-service' };

async function desiredCount(): Promise<number> {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'shop', services: ['order-service'] }));
  return services![0].desiredCount!;
}

async function scale(count: number) {
  await ecs.send(new UpdateServiceCommand({ ...ORDER_SERVICE, desiredCount: count }));
}

test('scaling a service shows its new tasks on the Network tab without a reload', async ({ page }) => {
  const before = await desiredCount();
  await signIn(page);
  await page.goto('/catalog/default/resource/order-service-shop-euw1-1111/ecs-networking');
  const tasks = page.getByRole('table', { name: 'Running tasks' }).locator('tbody tr');
  await expect(tasks).toHaveCount(before);
  // Gone after a reload of the page: its staying proves the page was not reloaded.
  await page.evaluate(() => Object.assign(window, { ecsNetLiveMarker: true }));

  try {
    await scale(before + 2);
    await expect(tasks).toHaveCount(before + 2);
    expect(await page.evaluate(() => 'ecsNetLiveMarker' in window)).toBe(true);
    // The age of the data follows the update: seconds, not the last full sync.
    await expect(page.locator('time').filter({ hasText: /^just now$| seconds? ago$/ }).first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/live-network-tab.png`, fullPage: true });
  } finally {
    await scale(before);
  }
  await expect(tasks).toHaveCount(before);
  expect(await page.evaluate(() => 'ecsNetLiveMarker' in window)).toBe(true);
});
