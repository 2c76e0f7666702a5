import { expect, test } from '@playwright/test';
import { measureNetworkPage } from '../src/networkPageTimings';

// The portal benchmark's browser half, run against the demo portal so that
// it cannot rot between full `npm run bench` runs. Numbers are not judged
// here (CI machines are noisy), only that each one is measured.
test('the network page benchmark measures load, navigation and interaction', async ({
  context,
  baseURL,
}) => {
  const timings = await measureNetworkPage(context, baseURL!, { filter: 'order' });
  expect(timings.loadFirstContentfulPaintMs).toBeGreaterThan(0);
  expect(timings.navigationToContentMs).toBeGreaterThan(0);
  for (const value of Object.values(timings)) expect(Number.isFinite(value)).toBe(true);
});
