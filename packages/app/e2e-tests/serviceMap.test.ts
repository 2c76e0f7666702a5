import { readFileSync } from 'node:fs';
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { ALL, backendText, DEMO, guestToken, HOSTILE, SHOTS, signIn, waitForEstate } from './portal';

// The service map on /ecs-networking: every service a box on a canvas,
// found by name, opened in the catalog, exported.

test.beforeEach(async ({ page }) => signIn(page));

async function openMap(page: Page) {
  await page.goto('/ecs-networking?view=map');
  await expect(page.getByText(`${ALL.services} services in`)).toBeVisible();
  return page.locator('canvas[aria-roledescription="map"]');
}

/** Focuses a service through the search box; the panel then names it. */
async function find(page: Page, name: string) {
  const search = page.getByRole('textbox', { name: 'Find a service' });
  await search.fill(name);
  await page.getByRole('listbox').getByRole('option', { name: new RegExp(`^${name} \\(`) }).first().click();
  await expect(page.getByRole('complementary', { name: 'Selected service' }).getByRole('heading', { level: 3 })).toHaveText(name);
}

/** The colour of the canvas pixel at its centre, as [r, g, b]. */
async function centrePixel(page: Page) {
  return page.locator('canvas[aria-roledescription="map"]').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data;
    return [data[0], data[1], data[2]];
  });
}

/** The services of the demo estate (the hostile estate's names are markup), by the backend. */
async function demoServiceNames(request: APIRequestContext): Promise<string[]> {
  await waitForEstate(request);
  const network = JSON.parse(await backendText(request, await guestToken(request), '/api/ecs-networking/network'));
  return network.services
    .filter((s: { accountId: string }) => s.accountId !== HOSTILE.accountId)
    .map((s: { name: string }) => s.name);
}

test('the map offers every service of the demo and draws the one it focuses', async ({ page, request }) => {
  // Fifteen searches and two focuses on a loaded machine.
  test.slow();
  const demo = await demoServiceNames(request);
  expect(demo).toHaveLength(DEMO.services);
  const canvas = await openMap(page);

  const search = page.getByRole('textbox', { name: 'Find a service' });
  for (const name of new Set(demo)) {
    await search.fill(name);
    await expect(page.getByRole('listbox').getByRole('option', { name: new RegExp(`^${name} \\(`) }).first()).toBeVisible();
  }

  // Focus centres the service: a click in the middle of the map hits it.
  await find(page, 'order-service');
  const background = await page.evaluate(() => getComputedStyle(document.querySelector('aside')!).backgroundColor);
  expect(await centrePixel(page)).not.toEqual(background.match(/\d+/g)!.slice(0, 3).map(Number));
  await page.getByRole('button', { name: 'Close all groups' }).click();
  await page.getByRole('button', { name: 'Open all groups' }).click();
  await find(page, 'mysql');
  await canvas.click({ position: { x: (await canvas.boundingBox())!.width / 2, y: (await canvas.boundingBox())!.height / 2 } });
  await expect(page.getByRole('complementary', { name: 'Selected service' }).getByRole('heading', { level: 3 })).toHaveText('mysql');
  // Its neighbourhood: who calls it.
  await expect(page.getByText(/^Called by \d+ services?$/)).toBeVisible();
});

test('a service on the map opens its catalog page, by link or by a double click', async ({ page }) => {
  // Two catalog pages and the map twice.
  test.slow();
  const canvas = await openMap(page);
  await find(page, 'order-service');
  await page.getByRole('link', { name: 'Open order-service in the catalog' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/resource\/order-service-/);

  await openMap(page);
  await find(page, 'payment-service');
  const box = (await canvas.boundingBox())!;
  await canvas.dblclick({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(page).toHaveURL(/\/catalog\/default\/resource\/payment-service-/);
});

test('the map exports Mermaid, DOT, JSON, SVG and PNG files', async ({ page }) => {
  await openMap(page);
  const exported = async (label: string) => {
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: label }).click(),
    ]);
    return { name: download.suggestedFilename(), body: readFileSync((await download.path())!) };
  };
  const mermaid = await exported('Mermaid');
  expect(mermaid.name).toBe('ecs-network.mmd');
  expect(mermaid.body.toString()).toMatch(/^graph LR/);
  expect(mermaid.body.toString()).toMatch(/-->\|"user-service:8080"\|/);
  const dot = await exported('Graphviz (DOT)');
  expect(dot.body.toString()).toContain('digraph ecs_network {');
  const json = JSON.parse((await exported('Data (JSON)')).body.toString());
  expect(json.services).toHaveLength(ALL.services);
  const svg = (await exported('Image (SVG)')).body.toString();
  expect(svg).toMatch(/^<svg /);
  // Hostile names are text in the image, not markup.
  expect(svg).toContain('&#60;img/src/onerror=window.__ecsnetXss=1&#62;');
  expect(svg).not.toContain('<img');
  const png = (await exported('Image (PNG)')).body;
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(await page.evaluate(() => (window as unknown as { __ecsnetXss?: number }).__ecsnetXss)).toBeUndefined();
});

test('the map is reachable from the keyboard', async ({ page }) => {
  const canvas = await openMap(page);
  await canvas.focus();
  await expect(canvas).toBeFocused();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('0');
  // Groups open and close from their buttons too.
  const groups = page.getByRole('complementary', { name: 'Groups' });
  const first = groups.getByRole('button').first();
  const expanded = await first.getAttribute('aria-expanded');
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-expanded', expanded === 'true' ? 'false' : 'true');
});

for (const [width, height] of [[1280, 720], [1440, 900]]) {
  test(`at first sight in a ${width} × ${height} window the map names every service`, async ({ page, request }) => {
    const demo = await demoServiceNames(request);
    await page.setViewportSize({ width, height });
    const canvas = await openMap(page);
    // The map's text alternative says what the picture shows: every group,
    // every service by name, none left a box too small to name.
    await expect(canvas).toHaveAccessibleDescription(
      new RegExp(`^Shown: \\d+ groups; ${ALL.services} services with their names\\.`),
    );
    const description = await canvas.evaluate(c => document.getElementById(c.getAttribute('aria-describedby')!)!.textContent!);
    expect(description).not.toContain('too small to name');
    for (const name of demo) expect(description).toContain(name);
    // Both sc.local namespaces, told apart by account and region.
    expect(description).toContain('sc.local · 111111111111 / eu-west-1: open');
    await page.screenshot({ path: `${SHOTS}/service-map-first-sight-${width}.png` });
  });
}

test('at first sight the groups fill the map, and text too long for its box is cut with "…", not squeezed', async ({ page }) => {
  // Every text the canvas draws, with the width it takes in its font and
  // the width fillText was told to squeeze it into, if any.
  await page.addInitScript(() => {
    const drawn: Array<{ text: string; width: number; maxWidth?: number }> = [];
    (window as unknown as { __mapText: typeof drawn }).__mapText = drawn;
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function record(text: string, x: number, y: number, maxWidth?: number) {
      drawn.push({ text, width: this.measureText(text).width, maxWidth });
      return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
    };
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  const canvas = await openMap(page);
  const texts = () => page.evaluate(() => (window as unknown as { __mapText: Array<{ text: string; width: number; maxWidth?: number }> }).__mapText);
  // Drawn once the layout has arrived; the picture then holds still.
  await expect.poll(async () => (await texts()).length).toBeGreaterThan(0);
  await page.waitForTimeout(1000);

  const drawn = await texts();
  const squeezed = drawn.filter(d => d.maxWidth !== undefined && d.width > d.maxWidth + 0.5).map(d => d.text);
  expect(squeezed).toEqual([]);
  // The demo's long names and the hostile estate's markup-named group do not fit.
  const cut = drawn.filter(d => d.text.endsWith('…')).map(d => d.text);
  expect(cut).toEqual(expect.arrayContaining([expect.stringMatching(/^long-servi/), expect.stringMatching(/^▾ <img\/src/)]));

  // Packed into the canvas's shape, the groups cover most of it: sampled
  // every 8 px, most pixels are not the map's background (its corner).
  const covered = await canvas.evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    const at = (x: number, y: number) => data.slice((y * c.width + x) * 4, (y * c.width + x) * 4 + 3).join();
    const background = at(2, 2);
    let samples = 0;
    let other = 0;
    for (let y = 0; y < c.height; y += 8) {
      for (let x = 0; x < c.width; x += 8) {
        samples++;
        if (at(x, y) !== background) other++;
      }
    }
    return other / samples;
  });
  expect(covered).toBeGreaterThan(0.5);
});

for (const width of [1280, 1440]) {
  test(`the map fits a ${width} px window`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openMap(page);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBe(widths[1]);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`the map follows the ${theme} theme`, async ({ page }) => {
    // Signed in already: the theme applies from the next page on.
    await page.addInitScript(id => window.localStorage.setItem('theme', id), theme);
    const canvas = await openMap(page);
    await expect(canvas).toHaveAccessibleDescription(/^Shown: /);
    await page.screenshot({ path: `${SHOTS}/service-map-fitted-${theme}.png`, fullPage: true });
    await find(page, 'order-service');
    // The corner of the map is its background, which follows the theme.
    const [r, g, b] = await canvas.evaluate((c: HTMLCanvasElement) => [...c.getContext('2d')!.getImageData(2, 2, 1, 1).data].slice(0, 3));
    expect((r + g + b) / 3 < 100).toBe(theme === 'dark');
    await canvas.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/service-map-${theme}.png`, fullPage: true });
  });
}
