import { expect, test } from '@playwright/test';
import type { ChangesResponse } from '@ecs-net/plugin-ecs-networking-common';
import { aws, backendText, guestToken, SHOTS, signIn } from './portal';

// A change made in AWS, through the AWS CLI against the local endpoint the
// stack reads, reaches the Changes timelines (by the live update from its
// event, or at the next sync). The estate is put back afterwards.

const scale = (desiredCount: number) =>
  aws('ecs', 'update-service', '--cluster', 'shop', '--service', 'inventory-service', '--desired-count', String(desiredCount));

test.beforeEach(async ({ page }) => signIn(page));

test('a service scaled in AWS shows in the Changes of its Network tab and of the network page', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const token = await guestToken(request);
  const since = new Date().toISOString();
  await scale(3);
  try {
    // Recorded within seconds by the live update, or at the next sync.
    const recorded = async () => {
      const path = `/api/ecs-networking/changes?entityRef=component:inventory-service&since=${encodeURIComponent(since)}`;
      const { changes }: ChangesResponse = JSON.parse(await backendText(request, token, path));
      return changes.flatMap(c => c.attributes.map(a => `${a.name} ${a.before} → ${a.after}`));
    };
    await expect.poll(recorded, { timeout: 240_000, intervals: [2_000] }).toContain('desiredCount 2 → 3');
    await page.goto('/catalog/default/component/inventory-service/ecs-networking');
    const scaled = page
      .getByRole('list', { name: 'Changes' })
      .getByRole('listitem')
      .filter({ hasText: 'service inventory-service: desiredCount 2 → 3' })
      .first();
    await expect(scaled).toBeVisible();
    await expect(scaled.getByRole('link', { name: 'inventory-service' })).toBeVisible();
    await expect(scaled.getByRole('link', { name: 'team-catalog' })).toBeVisible();
    await expect(page.getByText('Who is affected if this fails, and whom to page')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/network-history-tab.png`, fullPage: true });

    await page.goto('/ecs-networking');
    await page.getByLabel('Filter changes').fill('inventory-service');
    const estate = page.getByRole('list', { name: 'Changes' });
    await expect(estate.getByRole('listitem').filter({ hasText: 'desiredCount 2 → 3' }).first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/network-history-page.png`, fullPage: true });
  } finally {
    await scale(2);
  }
});

test("the Network tab lists a service's callers by hop and the owners to page", async ({ page }) => {
  await page.goto('/catalog/default/component/user-service/ecs-networking');
  const callers = page.getByRole('table', { name: 'Callers by hop' });
  await expect(callers.getByRole('row', { name: /^1 order-service/ })).toContainText('user-service:8080 → user-service');
  await expect(callers.getByRole('row', { name: /^1 loyalty-service/ })).toContainText('222222222222/eu-west-1');
  await expect(page.getByRole('status').filter({ hasText: 'Owners to page' })).toContainText('team-orders');
});
