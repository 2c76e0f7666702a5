import type { BrowserContext } from 'playwright-core';
import { longestTaskSince, observeLongTasks } from './longTasks';

/** What a person waits for on the network page, in milliseconds. */
export interface NetworkPageTimings {
  /** Full load of /ecs-networking (includes the app bundle). */
  loadFirstContentfulPaintMs: number;
  loadLongestTaskMs: number;
  /** Client-side navigation from the catalog to the network page, until its list shows. */
  navigationToContentMs: number;
  navigationLongestTaskMs: number;
  /** Typing a filter, clearing it, and expanding the first namespace group. */
  interactionLongestTaskMs: number;
}

/**
 * Signs in as guest at `baseUrl`, clicks through to the network page, uses
 * it, then loads it cold, recording long main-thread tasks throughout.
 * `services` is the count the page must show before it counts as loaded;
 * any complete count will do when it is absent.
 */
export async function measureNetworkPage(
  context: BrowserContext,
  baseUrl: string,
  options: { services?: number; filter: string },
): Promise<NetworkPageTimings> {
  const loaded = options.services
    ? `Showing ${options.services} of ${options.services} services`
    : /Showing (\d+) of \1 services/;
  await observeLongTasks(context);
  const page = await context.newPage();
  const longestSince = (start: number) => longestTaskSince(page, start);
  const now = () => page.evaluate(() => performance.now());

  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'Catalog', exact: true }).first().waitFor();

  const navStart = await now();
  await page.getByRole('link', { name: /ECS Networ/ }).first().click();
  await page.getByText(loaded).waitFor({ timeout: 60_000 });
  const navigationToContentMs = (await now()) - navStart;
  await page.waitForTimeout(500);
  const navigationLongestTaskMs = await longestSince(navStart);

  const interactionStart = await now();
  await page.getByLabel('Name contains').fill(options.filter);
  await page.waitForTimeout(300);
  await page.getByLabel('Name contains').fill('');
  await page.getByRole('button', { name: / — \d+ services?/ }).first().click();
  await page.waitForTimeout(500);
  const interactionLongestTaskMs = await longestSince(interactionStart);

  // Same browser context: the guest session carries over, the page does not.
  const cold = await context.newPage();
  await cold.goto(`${baseUrl}/ecs-networking`);
  await cold.getByText(loaded).waitFor({ timeout: 60_000 });
  const fcp = await cold.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  );
  const longest = await longestTaskSince(cold);
  return {
    loadFirstContentfulPaintMs: fcp,
    loadLongestTaskMs: longest,
    navigationToContentMs,
    navigationLongestTaskMs,
    interactionLongestTaskMs,
  };
}
