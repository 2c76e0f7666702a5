import type { BrowserContext, Page } from 'playwright-core';

type LongTaskWindow = { longTasks: PerformanceEntry[] };

/** Records every long main-thread task (over 50 ms) of the context's pages from their start. */
export async function observeLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as LongTaskWindow;
    w.longTasks = [];
    new PerformanceObserver(list => w.longTasks.push(...list.getEntries())).observe({
      type: 'longtask',
      buffered: true,
    });
  });
}

/** The longest task that started at or after `start` (page time, ms); 0 when none was long. */
export function longestTaskSince(page: Page, start = 0): Promise<number> {
  return page.evaluate(
    s =>
      Math.max(
        0,
        ...(window as unknown as LongTaskWindow).longTasks
          .filter(t => t.startTime >= s)
          .map(t => t.duration),
      ),
    start,
  );
}
