import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot work offline.
const PORT = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The HTML report (playwright-report/, git-ignored) holds each test's screenshots, the journeys' page shots and traces.
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // page.request is an API client, not a browser: it sends no Origin, which Vigil demands of unsafe requests
    // that carry a session cookie. Browsers send their own (the same value here); e2e/security.spec.ts unsets it.
    extraHTTPHeaders: { origin: `http://127.0.0.1:${PORT}` },
    trace: 'retain-on-failure',
    screenshot: 'on',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
