import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SegmentsPage } from './pages/segments-page';

// Each test walks several live counts on the shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

// Five customers with known profiles (the IC number gives birth date, gender and state),
// imported through the same endpoint the import page uses.
const customersCsv = [
  'Name,Phone,IC number',
  'Aisyah Rahman,+60123456701,900515-10-1234',
  'Badrul Hisham,+60123456702,850101-14-5677',
  'Chin Wei Ming,+60123456703,950707-10-3331',
  'Devi Ramasamy,+60123456704,010203-07-2224',
  'Ee Ling,+60123456705,',
].join('\n');

async function importCustomers(page: Page): Promise<void> {
  const res = await page.request.post('/api/v1/customers/import', { multipart: { file: { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(customersCsv) } } });
  expect(res.status(), await res.text()).toBe(201);
}

test('builds a segment with the simple form, sees the live count change, saves and reopens it', async ({ tenant: { page } }) => {
  await importCustomers(page);
  const segments = new SegmentsPage(page);
  await segments.open();
  await page.getByRole('link', { name: 'Create segment' }).click();
  await expect(page).toHaveURL(/\/segments\/new$/);
  await expect(segments.count).toHaveText('—');

  await segments.choose('State', 'Selangor');
  await segments.expectCount('2 customers match');
  expect((await segments.sampleNames()).sort()).toEqual(['Aisyah Rahman', 'Chin Wei Ming']);
  await segments.choose('Gender', 'Female');
  await segments.expectCount('1 customer matches');
  expect(await segments.sampleNames()).toEqual(['Aisyah Rahman']);

  // A bad box stops the count and says what is wrong beside it.
  await page.getByLabel('Age, from').fill('thirty');
  await expect(page.getByText('Enter a whole number.')).toBeVisible();
  await expect(segments.count).toHaveText('—');
  await page.getByLabel('Age, from').fill('30');
  await segments.expectCount('1 customer matches');

  await segments.save('Selangor women');
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Selangor women' })).toBeVisible();

  await segments.open();
  await page.getByRole('link', { name: 'Selangor women' }).click();
  await expect(page.getByRole('tab', { name: 'Simple' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: /^State/ })).toHaveText('State: Selangor');
  await expect(page.getByLabel('Age, from')).toHaveValue('30');
  await segments.expectCount('1 customer matches');
});

test('the advanced editor adds a NOT group, and the segment reopens in it', async ({ tenant: { page } }) => {
  await importCustomers(page);
  const segments = new SegmentsPage(page);
  await page.goto('/segments/new');
  await segments.choose('State', 'Selangor', 'WP Kuala Lumpur');
  await segments.expectCount('3 customers match');

  await page.getByRole('tab', { name: 'Advanced' }).click();
  await expect(segments.conditions).toHaveCount(1);
  // A group holding "marketing consent is Granted": nobody imported here has consented.
  await page.getByRole('button', { name: 'Add group to All conditions' }).click();
  await expect(segments.groups).toHaveCount(2);
  await segments.expectCount('0 customers match');
  const group = segments.groups.nth(1);
  await group.getByLabel('group 2, condition 1: field').selectOption({ label: 'Gender' });
  await group.getByLabel('group 2, condition 1: value').selectOption({ label: 'Male' });
  await segments.expectCount('2 customers match');
  await group.getByRole('button', { name: 'Not (group 2)' }).click();
  await expect(group).toHaveAttribute('data-negated', 'true');
  await segments.expectCount('1 customer matches');
  expect(await segments.sampleNames()).toEqual(['Aisyah Rahman']);
  // The simple form cannot show a Not.
  await expect(page.getByRole('tab', { name: 'Simple' })).toBeDisabled();

  await segments.save('Klang Valley, not men');
  await expect(page.getByRole('heading', { level: 1, name: 'Klang Valley, not men' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Advanced' })).toHaveAttribute('aria-selected', 'true');
  await expect(segments.groups.nth(1)).toHaveAttribute('data-negated', 'true');
  await segments.expectCount('1 customer matches');
});
