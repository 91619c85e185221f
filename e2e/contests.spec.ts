import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { ContestsPage } from './pages/contests-page';
import { SimulatorPage } from './pages/simulator-page';
import { DEMO_OWNER_STATE } from './support/auth-state';

// A keyword contest end to end: the owner creates it, a simulated customer agrees to messages
// and sends the keyword, gets the confirmation with an entry ID, the owner ends it, draws,
// verifies the draw, and the customer's phone shows the winner notification.

test('keyword entry → confirmation → draw → verify → the winner is told on WhatsApp', async ({ tenant }) => {
  const page = tenant.page;
  const contests = new ContestsPage(page);
  await contests.openList();
  await page.getByRole('link', { name: 'New contest' }).click();

  // The server's checks appear beside the fields.
  await page.getByRole('button', { name: 'Create contest' }).click();
  await expect(contests.fieldError('name')).toHaveText('Give the contest a name.');
  await expect(page.locator('#name')).toBeFocused();
  await contests.fillForm({ keyword: 'YA' });
  await page.getByRole('button', { name: 'Create contest' }).click();
  await expect(contests.fieldError('keyword')).toContainText('consent reply');

  const name = `Raya Giveaway ${randomUUID().slice(0, 4)}`;
  const now = Date.now();
  await contests.fillForm({ name, startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000), keyword: 'masuk raya', prize: 'Hamper Raya' });
  await page.getByLabel('How winners claim').fill('Show this message at the counter.');
  await page.getByRole('button', { name: 'Create contest' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('contest-status')).toHaveText('Running');

  // The customer: consent first, then the keyword in their own spelling.
  const simulator = new SimulatorPage(await page.context().newPage());
  await simulator.open();
  const customer = `Nurul Peraduan ${randomUUID().slice(0, 4)}`;
  await simulator.startCustomer(customer);
  await simulator.send('hello');
  await simulator.fromBusiness(`Hi ${customer}! This is`).getByRole('button', { name: 'YES', exact: true }).click();
  await expect(simulator.fromBusiness('Thank you! Your consent has been recorded.')).toBeVisible();
  await simulator.send('Masuk Raya!');
  const confirmation = simulator.fromBusiness('Contest Entry Confirmed!');
  await expect(confirmation).toContainText(`Contest: ${name}`);
  await expect(confirmation).toContainText(/Entry ID: RAYA-[A-Z2-9]{6}/);
  const entryId = /Entry ID: (RAYA-[A-Z2-9]{6})/.exec((await confirmation.textContent()) ?? '')?.[1] ?? '';

  // The owner sees the entry, ends the contest and draws.
  await page.reload();
  await expect(page.getByTestId('contest-entries-total')).toHaveText('1');
  await expect(contests.entries).toHaveCount(1);
  await expect(contests.entries.first()).toContainText(entryId);
  await expect(page.getByTestId('entries-per-day-chart')).toBeVisible();
  await page.getByRole('link', { name: 'Edit' }).click();
  await contests.fillForm({ endsAt: new Date(Date.now() - 60_000) });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('contest-status')).toHaveText('Ended');

  await contests.draw();
  await expect(contests.winners).toHaveCount(1);
  await expect(contests.winners.first()).toContainText('Hamper Raya');
  await expect(contests.winners.first()).toContainText(customer);
  await expect(contests.winners.first()).toContainText('Notified');
  await expect(page.getByTestId('draw-seed')).toHaveText(/^[0-9a-f]{64}$/);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('Match');

  // The customer's phone shows the notification (they answered in English).
  const won = simulator.fromBusiness('Congratulations! You Won!');
  await expect(won).toBeVisible({ timeout: 20_000 });
  await expect(won).toContainText('Prize: Hamper Raya');
  await expect(won).toContainText('Show this message at the counter.');

  await contests.winners.first().getByRole('button', { name: 'Mark claimed' }).click();
  await expect(contests.winners.first()).toContainText('Claimed');
  await contests.openList();
  await expect(contests.row(name).getByTestId('contest-status')).toHaveText('Drawn');
  await expect(contests.row(name).getByTestId('contest-entry-count')).toHaveText('1');
});

test('a contest not drawn yet can be deleted after a confirmation', async ({ tenant: { page } }) => {
  const contests = new ContestsPage(page);
  await contests.openList();
  await page.getByRole('link', { name: 'New contest' }).click();
  const name = `Padam Saya ${randomUUID().slice(0, 4)}`;
  const now = Date.now();
  await contests.fillForm({ name, startsAt: new Date(now + 86_400_000), endsAt: new Date(now + 2 * 86_400_000), keyword: `padam ${randomUUID().slice(0, 4)}`, prize: 'Baucar RM50' });
  await page.getByRole('button', { name: 'Create contest' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete contest' }).click();
  await expect(page.getByText(`Contest “${name}” deleted.`)).toBeVisible();
  await expect(page).toHaveURL(/\/contests$/);
  await expect(page.getByRole('link', { name })).toHaveCount(0);
});

test.describe('the demo business', () => {
  test.use({ storageState: DEMO_OWNER_STATE });

  test('has a running contest and a drawn one with its winners', async ({ page }) => {
    const contests = new ContestsPage(page);
    await contests.openList();
    await expect(contests.row('Raya Giveaway').getByTestId('contest-status')).toHaveText('Running');
    await contests.row('Merdeka Draw').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Merdeka Draw' })).toBeVisible();
    await expect(page.getByTestId('contest-status')).toHaveText('Drawn');
    // customers-list.spec may delete a demo customer (and their entries) meanwhile: no exact count.
    await expect(contests.winners.first()).toContainText('Free kopi for a year');
    await expect(page.getByTestId('draw-seed')).toHaveText(/^[0-9a-f]{64}$/);
  });
});
