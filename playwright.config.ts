import { defineConfig } from '@playwright/test';

/**
 * Browser tests run against the demo portal that `npm test` starts
 * (local AWS endpoint + backend + frontend). Debian's Chromium is used;
 * Playwright never downloads a browser.
 */
export default defineConfig({
  projects: [
    { name: 'portal', testDir: 'packages/app/e2e-tests' },
    // The portal benchmark's browser half, as a smoke run.
    { name: 'bench', testDir: 'packages/bench/e2e-tests' },
  ],
  timeout: 120_000,
  expect: { timeout: 60_000 },
  retries: 0,
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'e2e-test-report' }]],
  outputDir: 'test-results/playwright',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
