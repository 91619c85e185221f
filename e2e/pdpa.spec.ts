import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { PdpaPage } from './pages/pdpa-page';
import { SimulatorPage } from './pages/simulator-page';

const DAY = 24 * 3_600_000;
// Dates and times as Malaysians (and the forms) write them: UTC+8.
const mytDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const mytLocal = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
const shown = new Intl.DateTimeFormat('en-MY', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kuala_Lumpur' });
const shownDay = new Intl.DateTimeFormat('en-MY', { dateStyle: 'medium', timeZone: 'Asia/Kuala_Lumpur' });

test('the owner edits the consent notice and a new version appears beside the old one', async ({ tenant }) => {
  const pdpa = new PdpaPage(tenant.page);
  await pdpa.open();
  // Version 1 comes from provisioning, a background job just after sign-up.
  await expect(async () => {
    await tenant.page.reload();
    await expect(pdpa.versions).toHaveCount(1, { timeout: 1000 });
  }).toPass();
  const english = pdpa.notice('English');
  await expect(english).toHaveValue(/^Hi \{\{name\}\}! This is \{\{brand\}\}/);
  await expect(tenant.page.getByTestId('notice-preview-en')).toContainText(`Hi Aisyah! This is ${tenant.businessName}`);

  // The check runs as the owner types: without STOP the notice cannot be used.
  await english.fill('Hi {{name}}! This is {{brand}}. Reply YES to hear about our promos.');
  await expect(tenant.page.getByText('Tell the customer they can type STOP to opt out at any time (PDPA s.38).')).toBeVisible();
  await english.fill('Hi {{name}}! This is {{brand}}. Reply YES to hear about our promos, NO to decline. Type STOP to opt out anytime.');
  await expect(tenant.page.getByTestId('notice-preview-en')).toContainText('Hi Aisyah! This is');
  await pdpa.save();

  await expect(tenant.page.getByText('Saved. New customers now get notice version 2.')).toBeVisible();
  await expect(pdpa.versions).toHaveCount(2);
  await expect(pdpa.versions.first()).toContainText('Version 2');
  await expect(pdpa.versions.first()).toContainText('Current');
  const first = pdpa.versions.filter({ hasText: 'Version 1' });
  await first.getByText('Version 1').click();
  await expect(first).toContainText('Reply YES to consent to receive WhatsApp messages for receipts, support & promos.');
});

test('the owner logs data requests and sees each due date with its clock', async ({ tenant }) => {
  const pdpa = new PdpaPage(tenant.page);
  await pdpa.open('Data requests');
  const now = Date.now();

  const recent = new Date(now - 10 * DAY);
  await pdpa.logRequest({ kind: 'Erasure', from: 'Walk-in, phone ending 6789', receivedOn: mytDay(recent) });
  const row = pdpa.request('Walk-in, phone ending 6789');
  // Received at midnight that day, due 21 days later: in 10 whole days and some hours.
  const due = new Date(`${mytDay(recent)}T00:00:00+08:00`).getTime() + 21 * DAY;
  await expect(row).toContainText(shownDay.format(due));
  await expect(row.getByTestId('due-clock')).toHaveText('Due in 10 days');
  await expect(row.getByTestId('due-clock')).toHaveAttribute('data-overdue', 'false');

  await pdpa.logRequest({ kind: 'Access (a copy of their data)', from: 'Email from Lim', receivedOn: mytDay(new Date(now - 30 * DAY)) });
  await expect(pdpa.request('Email from Lim').getByTestId('due-clock')).toHaveText('Overdue by 9 days');
  await expect(pdpa.request('Email from Lim').getByTestId('due-clock')).toHaveAttribute('data-overdue', 'true');
  // Open requests are listed soonest-due first.
  await expect(pdpa.requests.first()).toContainText('Email from Lim');

  await pdpa.request('Email from Lim').getByRole('button', { name: 'Complete' }).click();
  await tenant.page.getByLabel('What was done (optional)').fill('Export sent by email');
  await tenant.page.getByRole('button', { name: 'Mark completed' }).click();
  await expect(pdpa.request('Email from Lim').getByTestId('request-status')).toHaveText('completed');
  await expect(pdpa.request('Email from Lim').getByTestId('due-clock')).toHaveCount(0);
});

test('the owner records a breach and sees the 72-hour clock until the Commissioner is told', async ({ tenant }) => {
  const pdpa = new PdpaPage(tenant.page);
  await pdpa.open('Breach register');
  const discovered = new Date(Date.now() - 2 * 3_600_000);
  const local = mytLocal(discovered);

  await pdpa.recordBreach({ title: 'Customer list sent to the wrong group', details: 'A staff member pasted the list in a supplier chat.', kinds: ['Names', 'Phone numbers'], discoveredAt: local });

  const breach = pdpa.breach('Customer list sent to the wrong group');
  await expect(breach.getByTestId('breach-notify-by')).toHaveText(shown.format(new Date(`${local}:00+08:00`).getTime() + 72 * 3_600_000));
  await expect(breach.getByTestId('due-clock')).toHaveText(/^Notify the Commissioner within (69|70) hours$/);
  await expect(breach).toContainText('Phone numbers');

  await breach.getByRole('button', { name: 'Commissioner notified' }).click();
  await tenant.page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(breach.getByTestId('breach-status')).toHaveText('notified');
  await expect(breach.getByTestId('due-clock')).toHaveCount(0);
});

test("the owner downloads a customer's data as a zip and the export is logged as an access request", async ({ tenant }) => {
  const simulator = new SimulatorPage(tenant.page);
  await simulator.open();
  const name = `Aina Eksport ${randomUUID().slice(0, 4)}`;
  await simulator.startCustomer(name);
  await simulator.send('Hai, saya nak tanya pasal pesanan');
  await expect(simulator.fromCustomer('Hai, saya nak tanya pasal pesanan')).toBeVisible();

  // The message becomes a customer in a background job; the list shows it on a later load.
  const link = tenant.page.getByRole('link', { name });
  await expect(async () => {
    await tenant.page.goto('/customers');
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await link.click();
  await expect(tenant.page.getByRole('heading', { level: 1, name })).toBeVisible();

  const [download] = await Promise.all([tenant.page.waitForEvent('download'), tenant.page.getByRole('link', { name: 'Download all data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sembang-customer-[0-9a-f]{8}-\d{8}\.zip$/);
  const zip = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(zip).sort()).toEqual(['consent-events.csv', 'customer.json', 'messages.csv']);
  const doc = JSON.parse(strFromU8(zip['customer.json']!)) as { customer: { name: string; phone: string }; files: string[] };
  expect(doc.customer.name).toBe(name);
  expect(doc.customer.phone).toMatch(/^\+\d+$/);
  expect(strFromU8(zip['messages.csv']!)).toContain('Hai, saya nak tanya pasal pesanan');

  const pdpa = new PdpaPage(tenant.page);
  await pdpa.open('Data requests');
  await expect(pdpa.request(name)).toContainText('Access');
  await expect(pdpa.request(name).getByTestId('request-status')).toHaveText('completed');
});
