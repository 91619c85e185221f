import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_OWNER_STATE } from './support/auth-state';

test.use({ storageState: DEMO_OWNER_STATE });
// The first visit counts the demo tenant's whole history, on the shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

// Every chart of the page; all but the contest charts have demo data (the demo's contests
// arrive with the contests work, until then those two show their empty state).
const charts = [
  'chart-message-volume', 'chart-response-rate', 'chart-first-response', 'chart-consent-funnel', 'chart-consent-rates',
  'chart-activity', 'chart-engagement', 'chart-age', 'chart-gender', 'chart-state', 'chart-marital', 'chart-tier',
  'chart-revenue', 'chart-purchases', 'chart-merchants', 'chart-clv-tier', 'chart-clv-month', 'chart-campaigns',
];
const contestCharts = ['chart-contest-days', 'chart-contests'];

async function downloadCsv(page: Page, card: Locator): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'CSV' }).click()]);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  return text.trim().split('\r\n').map((line) => line.split(','));
}

test('the analytics page draws every chart from the demo data, with definitions, and each CSV holds what the chart shows', async ({ page }) => {
  await page.goto('/analytics');
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  await page.getByRole('link', { name: 'Last 90 days' }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);

  for (const id of charts) {
    const card = page.getByTestId(id);
    await expect(card.locator('svg.recharts-surface').first(), id).toBeVisible();
    await expect(card.getByRole('button', { name: /^How .* is counted$/ })).toBeVisible();
  }
  for (const id of contestCharts) await expect(page.getByTestId(id).locator('svg.recharts-surface, [data-slot="empty-state"]').first()).toBeVisible();

  // The definition is one hover away.
  await page.getByTestId('chart-response-rate').getByRole('button', { name: 'How Response rate is counted' }).hover();
  await expect(page.getByRole('tooltip')).toContainText('team member');

  // Message volume: the CSV has every day of the range, and the same counts the API gives.
  const url = new URL(page.url());
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  const volume = await downloadCsv(page, page.getByTestId('chart-message-volume'));
  expect(volume[0]).toEqual(['Day', 'Inbound', 'Outbound']);
  const api = (await (await page.request.get(`/api/v1/analytics/timeseries?metric=messagesIn&from=${from}&to=${to}`)).json()) as { data: { day: string; value: number }[] };
  expect(volume.slice(1).map(([day, inbound]) => ({ day, value: Number(inbound) }))).toEqual(api.data);
  expect(api.data.some((d) => d.value > 0)).toBe(true);

  // States: all 16 and the unknowns, summing to the tier chart's customers.
  const states = await downloadCsv(page, page.getByTestId('chart-state'));
  expect(states).toHaveLength(18);
  const tiers = await downloadCsv(page, page.getByTestId('chart-tier'));
  const sum = (rows: string[][]) => rows.slice(1).reduce((n, r) => n + Number(r[1]), 0);
  expect(sum(states)).toBe(sum(tiers));
  expect(sum(tiers)).toBeGreaterThan(0);

  // Revenue is written as money, two decimal places.
  const revenue = await downloadCsv(page, page.getByTestId('chart-revenue'));
  expect(revenue.slice(1).every(([, v]) => /^\d+\.\d{2}$/.test(v ?? ''))).toBe(true);
  await page.screenshot({ path: 'test-results/analytics-page.png', fullPage: true });
});

test('a channel filter narrows the message charts; an empty range shows empty states, not errors', async ({ page }) => {
  await page.goto('/analytics');
  const channel = page.getByLabel('Channel', { exact: true });
  const value = await channel.locator('option').nth(1).getAttribute('value');
  await channel.selectOption(value ?? '');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`channelId=${value}`));
  await expect(page.getByTestId('chart-message-volume').locator('svg.recharts-surface, [data-slot="empty-state"]').first()).toBeVisible();

  await page.goto('/analytics?from=2020-01-01&to=2020-01-31');
  await expect(page.getByTestId('chart-message-volume').getByText('Nothing to show yet')).toBeVisible();
  await expect(page.getByTestId('chart-revenue').getByText('No purchases recorded in this range.')).toBeVisible();
  await page.goto('/analytics?from=2020-02-01&to=2020-01-01');
  await expect(page.getByText('`from` must not be after `to`. Showing the last 30 days.')).toBeVisible();
});

test('the dashboard shows the morning figures with their change against the previous period', async ({ page }) => {
  await page.goto('/dashboard');
  const figures = page.getByTestId('figure');
  await expect(figures).toHaveCount(8);
  for (const label of ['New customers', 'Messages in', 'Messages out', 'Consent rate', 'Opt-out rate', 'Revenue', 'Campaigns running', 'Contests running']) {
    await expect(figures.filter({ hasText: label })).toContainText(/vs previous period|no earlier data/);
  }
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
});
