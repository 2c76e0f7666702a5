// The adoption test's browser part: Debian's Chromium through playwright-core
// against the fresh app (frontend served by its backend). Signs in as guest,
// then opens the network page, a service's entity page (the card) and its
// Network tab, and fails on any console error or uncaught page error.
import path from 'node:path';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const TIMEOUT = 60_000;

/**
 * Console errors of the fresh app itself, not of the plugins: each pattern
 * with the reason. Any other console error fails the test.
 */
const APP_ERRORS = [
  {
    pattern: /Failed to load resource: .*404.* \(http:\/\/[^)]*\/api\/catalog\/entities\/by-name\/user\/development\/guest\)$/,
    why: "create-app's sidebar avatar looks up the guest's User entity (user:development/guest), which create-app's examples do not define",
  },
];

export async function browserChecks({ baseUrl, service, screenshots, totalServices }) {
  // Imported here: this module may be loaded before scripts/toolchain.mjs
  // has installed the repository's packages.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    timeout: TIMEOUT,
  });
  const errors = [];
  try {
    const page = await browser.newPage({ baseURL: baseUrl, viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(TIMEOUT);
    page.on('console', message => {
      if (message.type() === 'error') {
        errors.push(`console.error at ${page.url()}: ${message.text()} (${message.location().url ?? ''})`);
      }
    });
    page.on('pageerror', error => errors.push(`uncaught at ${page.url()}: ${error.message}`));

    // Sign in: the fresh app's sign-in page offers the guest provider.
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.getByRole('link', { name: 'Catalog', exact: true }).first().waitFor();

    // The network page, reached through its nav item.
    await page.getByRole('link', { name: 'ECS Networking' }).first().click();
    await page.waitForURL(/\/ecs-networking$/);
    await page.getByText(`Showing ${totalServices} of ${totalServices} services`, { exact: false }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'network-page.png'), fullPage: true });

    // The service's entity page: the card shows its endpoint names.
    const name = service.metadata.name;
    await page.goto(`/catalog/${service.metadata.namespace ?? 'default'}/resource/${name}`);
    const card = page
      .getByText('ECS network', { exact: true })
      .first()
      .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
    await card.waitFor();
    await card.getByText(/Called by \(\d+\)|Calls \(\d+\)/).first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'entity-card.png'), fullPage: true });

    // Its Network tab.
    await page.getByRole('tab', { name: 'Network', exact: true }).or(page.getByRole('link', { name: 'Network', exact: true })).first().click();
    await page.waitForURL(/\/ecs-networking$/);
    await page.getByText(/^Neighbourhood of /).first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'network-tab.png'), fullPage: true });
    // Late errors (lazy chunks, failed calls) get a moment to show.
    await page.waitForTimeout(2000);
  } finally {
    await browser.close();
  }
  const ours = errors.filter(e => !APP_ERRORS.some(({ pattern }) => pattern.test(e)));
  const app = errors.length - ours.length;
  if (ours.length) {
    throw new Error(`${ours.length} console errors:\n  ${ours.join('\n  ')}`);
  }
  return `page, card (${service.metadata.name}) and tab rendered; console errors from the plugins: 0${
    app ? ` (the app's own, known: ${app})` : ''
  }`;
}
