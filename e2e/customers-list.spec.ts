import { demoLogins } from '../db/seed/demo';
import { expect, test } from './fixtures';
import { CustomersPage } from './pages/customers-page';
import { LoginPage } from './pages/login-page';
import { DEMO_OWNER_STATE } from './support/auth-state';

test.use({ storageState: DEMO_OWNER_STATE });
// Each test walks several reloads of the list; on the shared 2-core machine that outlasts 45 s.
test.describe.configure({ timeout: 120_000 });

// Byte order of the lower-cased names, as the database sorts them.
const ascending = (names: string[]) => [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));

test('pages, sorts, searches and filters the demo customers, with the state in the URL', async ({ page }) => {
  const customers = new CustomersPage(page);
  await customers.open();
  const total = await customers.total();
  expect(total).toBeGreaterThan(25);

  // Pages of 25: the second page holds the rest, back and reload keep the page.
  await customers.perPage(25);
  await expect(customers.rows).toHaveCount(25);
  const firstPage = await customers.names();
  await customers.next.click();
  await customers.expectParam('page', '2');
  await expect(customers.rows).toHaveCount(Math.min(25, total - 25));
  await expect(customers.count).toHaveText(new RegExp(`^Customers 26–\\d+ of ${total}$`));
  expect(await customers.names()).not.toContain(firstPage[0]);
  await page.reload();
  await expect(customers.count).toHaveText(new RegExp(`^Customers 26–`));
  await page.goBack();
  await customers.expectParam('page', null);
  await expect(customers.rows).toHaveCount(25);
  expect(await customers.names()).toEqual(firstPage);
  await customers.previous.waitFor({ state: 'detached' });

  // Sort by name both ways, from the column header.
  await customers.perPage(100);
  await customers.sortBy('Name');
  await customers.expectParam('sort', 'name');
  await expect(customers.rows).toHaveCount(total);
  const byName = await customers.names();
  expect(byName).toEqual(ascending(byName));
  await customers.sortBy('Name');
  await customers.expectParam('order', 'desc');
  await expect.poll(() => customers.names()).toEqual(ascending(byName).reverse());

  // Search by part of a name, then by a number written the local way.
  await customers.search.fill('tan');
  await customers.expectParam('search', 'tan');
  await expect.poll(async () => (await customers.names()).every((n) => n.toLowerCase().includes('tan'))).toBe(true);
  expect(await customers.names()).toEqual(expect.arrayContaining(['Tan Mei Ling', 'Daniel Tan']));
  await customers.search.fill('012-234 5000');
  await expect.poll(() => customers.names()).toEqual(['Nur Aisyah']);
  await customers.search.fill('no such customer');
  await expect(customers.noMatch).toBeVisible();
  await page.getByRole('link', { name: 'Clear all filters' }).click();
  await expect(customers.rows).toHaveCount(total);

  // Filters: consent and gender (multi-select menus), age and last message.
  await customers.choose('Consent', 'Not asked');
  await customers.expectParam('consentStatus', 'unknown');
  for (const badge of await customers.rows.getByRole('cell').filter({ hasText: /^(Not asked|Asked|Granted|Withdrawn)$/ }).allTextContents()) expect(badge).toBe('Not asked');
  await customers.choose('Gender', 'Non-binary');
  await customers.expectParam('gender', 'NB');
  await page.getByLabel('Youngest age').fill('18');
  await customers.expectParam('ageMin', '18');
  await page.getByLabel('Last message').selectOption({ label: 'Last message: past 7 days' });
  await customers.expectParam('lastInteractionWithinDays', '7');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await customers.expectParam('consentStatus', null);
  await expect(customers.rows).toHaveCount(total);

  // Tier (from purchases): the demo has Platinum customers, but not only those.
  await customers.choose('Tier', 'Platinum');
  await customers.expectParam('tier', 'platinum');
  await expect.poll(() => customers.rows.count()).toBeGreaterThan(0);
  await expect.poll(() => customers.rows.count()).toBeLessThan(total);
});

test('the owner deletes selected customers after confirming the count', async ({ page }) => {
  const customers = new CustomersPage(page);
  await customers.open();
  const total = await customers.total();

  await customers.search.fill('Daniel');
  await expect.poll(() => customers.names()).toEqual(['Daniel Tan']);
  await customers.select('Daniel Tan');
  await customers.deleteSelected(1);
  await expect(customers.noMatch).toBeVisible();

  await page.getByRole('link', { name: 'Clear all filters' }).click();
  await customers.expectParam('search', null);
  await expect(customers.rows.first()).toBeVisible();
  await customers.perPage(100);
  await expect(customers.rows).toHaveCount(total - 1);
  await customers.select('Hidayah Osman');
  await customers.select('Nabila Huda');
  await customers.deleteSelected(2);
  await expect(customers.count).toHaveText(new RegExp(`of ${total - 3}$`));
  expect(await customers.names()).not.toEqual(expect.arrayContaining(['Hidayah Osman']));
  expect(await customers.names()).not.toEqual(expect.arrayContaining(['Nabila Huda']));
});

test.describe('as the demo agent', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('an agent sees the customers but is not offered selection or delete', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(demoLogins.agent.email, demoLogins.agent.password);
    const asAgent = new CustomersPage(page);
    await asAgent.open();
    await expect(asAgent.rows.first()).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  });
});
