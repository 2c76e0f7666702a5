import type { BrowserContext } from 'playwright-core';
import { longestTaskSince, observeLongTasks } from './longTasks';

/** What the service map costs, in milliseconds and megabytes. */
export interface ServiceMapTimings {
  services: number;
  /** From the end of the network response to the map's first picture (its groups). */
  firstRenderMs: number;
  /** Worker time to place the groups, and to arrange every group's members too. */
  groupsPlacedMs: number;
  layoutMs: number;
  /** Longest main-thread task from navigation to the first picture. */
  loadLongestTaskMs: number;
  /** Zoom, pan, hover, find-and-focus, open a group, open all, fit, pan again. */
  interactionLongestTaskMs: number;
  /** Main-thread tasks over 100 ms during that interaction. */
  interactionTasksOver100Ms: number;
  /** The longest task of each step of it (0 when none was over 50 ms). */
  longestTaskByStepMs: Record<string, number>;
  /** JS heap after the interaction and a full garbage collection. */
  heapUsedMb: number;
}

// The User Timing names the map writes (MAP_TIMINGS in the frontend
// plugin's components/ServiceMap/useMapLayout.ts).
const FIRST_DRAW = 'ecs-service-map:first-draw';
const GROUPS_PLACED = 'ecs-service-map:groups-placed';
const LAYOUT = 'ecs-service-map:layout';

/**
 * Signs in as guest at `baseUrl`, opens the network page's map, and uses
 * it as a person would, recording long main-thread tasks throughout.
 * `search` is a name prefix the estate holds.
 */
export async function measureServiceMap(
  context: BrowserContext,
  baseUrl: string,
  options: { services: number; search: string },
): Promise<ServiceMapTimings> {
  await observeLongTasks(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'Catalog', exact: true }).first().waitFor();

  await page.goto(`${baseUrl}/ecs-networking?view=map`);
  await page.waitForFunction(name => performance.getEntriesByName(name).length > 0, FIRST_DRAW, {
    timeout: 120_000,
  });
  const load = await page.evaluate(
    ([firstDraw, groupsPlaced]) => {
      const drawn = performance.getEntriesByName(firstDraw)[0].startTime;
      const responses = performance
        .getEntriesByType('resource')
        .filter(e => e.name.includes('/api/ecs-networking/network')) as PerformanceResourceTiming[];
      const arrived = Math.max(...responses.filter(r => r.responseEnd <= drawn).map(r => r.responseEnd));
      const placed = performance.getEntriesByName(groupsPlaced)[0] as PerformanceMark;
      return { firstRenderMs: drawn - arrived, groupsPlacedMs: (placed.detail as { workerMs: number }).workerMs };
    },
    [FIRST_DRAW, GROUPS_PLACED],
  );
  await page.getByText(`${options.services} services in`).waitFor();
  const loadLongestTaskMs = await longestTaskSince(page);

  const canvas = page.locator('canvas[aria-roledescription="map"]');
  const box = (await canvas.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const pan = async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(cx + i * 20, cy + i * 10);
    await page.mouse.up();
  };
  const zoom = async (deltaY: number) => {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 5; i++) {
      await page.mouse.wheel(0, deltaY);
      await page.waitForTimeout(50);
    }
  };

  // Each step of the interaction, and when it began (page time): a long
  // task is charged to the step it started in.
  const steps: Array<[string, () => Promise<void>]> = [
    ['zoom in', () => zoom(-200)],
    ['pan', pan],
    [
      'hover',
      async () => {
        for (let i = 0; i < 10; i++) await page.mouse.move(box.x + i * (box.width / 10), cy);
      },
    ],
    [
      'find and focus',
      async () => {
        await page.getByRole('textbox', { name: 'Find a service' }).fill(options.search);
        await page.getByRole('listbox').getByRole('option').first().click();
        await page.waitForTimeout(500);
      },
    ],
    ['fit', () => page.getByRole('button', { name: 'Fit the map' }).click()],
    [
      'close all groups',
      async () => {
        // Escape on the map lets go of the service; the panel lists the groups again.
        await canvas.focus();
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Close all groups' }).click();
      },
    ],
    [
      'open a group',
      async () => {
        await page.getByRole('complementary', { name: 'Groups' }).getByRole('button').first().click();
        await page.waitForTimeout(500);
      },
    ],
    [
      'open all groups',
      async () => {
        await page.getByRole('button', { name: 'Open all groups' }).click();
        await page.waitForTimeout(500);
      },
    ],
    ['zoom in again', () => zoom(-300)],
    ['pan again', pan],
    [
      'zoom out',
      async () => {
        await zoom(300);
        await page.waitForTimeout(1000);
      },
    ],
  ];
  const begun: Array<[string, number]> = [];
  for (const [name, step] of steps) {
    begun.push([name, await page.evaluate(() => performance.now())]);
    await step();
  }
  const start = begun[0][1];
  const tasks = await page.evaluate(
    s =>
      (window as unknown as { longTasks: PerformanceEntry[] }).longTasks
        .filter(t => t.startTime >= s)
        .map(t => [t.startTime, t.duration] as const),
    start,
  );
  const interactionLongestTaskMs = Math.max(0, ...tasks.map(([, duration]) => duration));
  const interactionTasksOver100Ms = tasks.filter(([, duration]) => duration > 100).length;
  const longestTaskByStepMs = Object.fromEntries(begun.map(([name]) => [name, 0]));
  for (const [at, duration] of tasks) {
    const [name] = begun.filter(([, from]) => from <= at).pop()!;
    longestTaskByStepMs[name] = Math.max(longestTaskByStepMs[name], duration);
  }

  await page.waitForFunction(name => performance.getEntriesByName(name).length > 0, LAYOUT, { timeout: 300_000 });
  const layoutMs = await page.evaluate(
    name => ((performance.getEntriesByName(name)[0] as PerformanceMeasure).detail as { workerMs: number }).workerMs,
    LAYOUT,
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find(m => m.name === 'JSHeapUsedSize')?.value ?? 0;

  return {
    services: options.services,
    ...load,
    layoutMs,
    loadLongestTaskMs,
    interactionLongestTaskMs,
    interactionTasksOver100Ms,
    longestTaskByStepMs,
    heapUsedMb: Math.round(heap / 1024 / 1024),
  };
}
