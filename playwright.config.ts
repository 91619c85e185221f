import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const ci = Boolean(process.env.CI);

// E2E against the production build (`npx next build` first). Each run serves it on a fresh
// embedded database in .data/e2e, seeded with the demo tenant.
export default defineConfig({
  testDir: 'e2e',
  // Two cores and one PGlite connection: two workers keep both busy without starving the server.
  workers: 2,
  fullyParallel: false,
  forbidOnly: ci,
  // Flaky tests get fixed, not retried.
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    // With no retries, 'on-first-retry' would never record; keep the failing run's trace instead.
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'login-setup', testMatch: /.*\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['login-setup'] },
  ],
  webServer: {
    command: [
      'test -f .next/BUILD_ID || { echo "No production build: run npx next build first." >&2; exit 1; }',
      `rm -rf .data/e2e && DATA_DIR=.data/e2e SEED_DEMO=true LOG_LEVEL=warn node --import tsx server.ts -H 127.0.0.1 -p ${PORT}`,
    ].join(' && '),
    url: `${baseURL}/api/health`,
    reuseExistingServer: !ci,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
