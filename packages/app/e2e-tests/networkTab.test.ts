import { expect, Locator, Page, test } from '@playwright/test';
import { SHOTS, signIn } from './portal';

// The Network tab of a service: its neighbourhood as a graph, one or two
// hops out, with owners and findings on the services and a label on every
// line that no other line crosses.

const ORDER_SERVICE_TAB = '/catalog/default/resource/order-service-shop-euw1-1111/ecs-networking';

test.beforeEach(async ({ page }) => signIn(page));

async function openGraph(page: Page) {
  await page.goto(ORDER_SERVICE_TAB);
  const graph = page.getByRole('img', { name: /legacy-gateway calls order-service via order-service:8080/ });
  await expect(graph).toBeVisible();
  return graph;
}

/**
 * For every label on a line, the other lines that run through it: points
 * every pixel along each other line, in the SVG's own units, tested
 * against the label's box.
 */
function crossings(graph: Locator) {
  return graph.evaluate((svg: SVGSVGElement) => {
    const lines = [...svg.querySelectorAll<SVGGElement>('g[data-mechanism]')];
    const labels = lines.flatMap(line => {
      const rect = line.querySelector('rect');
      return rect ? [{ line, text: line.querySelector('text')!.textContent, box: rect.getBBox() }] : [];
    });
    const crossed = labels.flatMap(({ line, text, box }) =>
      lines
        .filter(other => other !== line)
        .filter(other => {
          const path = other.querySelector('path')!;
          const length = path.getTotalLength();
          for (let at = 0; at <= length; at += 1) {
            const p = path.getPointAtLength(at);
            if (p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height) return true;
          }
          return false;
        })
        .map(other => `${text} crossed by ${other.querySelector('text')?.textContent}`),
    );
    return { labels: labels.length, lines: lines.length, crossed };
  });
}

test("the graph's labels sit on a background of their own, crossed by no other line", async ({ page }) => {
  const graph = await openGraph(page);
  // Two callers and four callees, one line each.
  const found = await crossings(graph);
  expect(found.lines).toBe(6);
  expect(found.labels).toBe(6);
  expect(found.crossed).toEqual([]);
});

test('every service on the graph shows its owner, and its findings on a badge', async ({ page }) => {
  const graph = await openGraph(page);
  const frame = graph.locator('xpath=..');
  await expect(frame.getByRole('link', { name: 'team-orders' }).first()).toBeVisible();
  // legacy-gateway calls by a name Service Connect does not resolve for it.
  await expect(frame.getByRole('img', { name: /^\d+ findings?, worst: (error|warning|info)$/ }).first()).toBeVisible();
  // The tab does not repeat the Overview's card.
  await expect(page.getByText('ECS network', { exact: true })).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`two hops out, the graph adds the callers' callers and the callees' callees (${theme} theme)`, async ({ page }) => {
    await page.addInitScript(id => window.localStorage.setItem('theme', id), theme);
    const graph = await openGraph(page);
    await expect(graph).not.toHaveAccessibleName(/product-service calls inventory-service/);
    await page.getByRole('button', { name: '2 hops', exact: true }).click();
    await expect(graph).toHaveAccessibleName(/product-service calls inventory-service via inventory:8080/);
    const found = await crossings(graph);
    expect(found.labels).toBeGreaterThan(6);
    expect(found.crossed).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/service-network-two-hops-${theme}.png`, fullPage: true });
  });
}

test('the graph zooms with its buttons and, once clicked, with the wheel', async ({ page }) => {
  const graph = await openGraph(page);
  const zoom = async () => Number((await page.getByRole('status').filter({ hasText: '%' }).textContent())!.replace(/\D/g, ''));
  const width = async () => (await graph.boundingBox())!.width;
  const [zoomBefore, widthBefore] = [await zoom(), await width()];
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(zoom).toBeGreaterThan(zoomBefore);
  expect(await width()).toBeGreaterThan(widthBefore);
  await page.getByRole('button', { name: 'Fit the graph' }).click();
  await expect.poll(zoom).toBe(zoomBefore);

  // The page scrolls past the graph until it is clicked; then the wheel zooms.
  const box = (await graph.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.up();
  await page.mouse.wheel(0, -300);
  await expect.poll(zoom).toBeGreaterThan(zoomBefore);
});

for (const width of [1280, 1440]) {
  test(`two hops out, the tab fits a ${width} px window: the graph scrolls inside its card`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const graph = await openGraph(page);
    await page.getByRole('button', { name: '2 hops', exact: true }).click();
    await expect(graph).toHaveAccessibleName(/product-service calls inventory-service/);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBe(widths[1]);
    await page.screenshot({ path: `${SHOTS}/service-network-two-hops-${width}.png` });
  });
}
