import { randomUUID } from 'node:crypto';
import { ageOn } from '../lib/mykad';
import { DEMO_OWNER_STATE } from './support/auth-state';
import { apiClient } from './support/api-client';
import { PASSWORD, expect, test, uniqueEmail } from './fixtures';
import { ApiKeysPage } from './pages/api-keys-page';
import { CustomerPage } from './pages/customer-page';
import { InvitationPage } from './pages/invitation-page';
import { SimulatorPage } from './pages/simulator-page';
import { TeamPage } from './pages/team-page';

const IC = '900101-14-5678';

test('the WhatsApp journey fills the profile; the owner corrects it and reveals the IC (audited); an agent never sees it', async ({ tenant, newPage }) => {
  // A whole story: a conversation, a correction, an API key and a second member.
  test.slow();
  // The customer says hello, agrees with the YA button and sends an IC number.
  const simulator = new SimulatorPage(tenant.page);
  await simulator.open();
  const name = `Nurul Journey ${randomUUID().slice(0, 4)}`;
  await simulator.startCustomer(name);
  await simulator.send('hello');
  await simulator.phone.getByRole('button', { name: 'YA', exact: true }).click();
  await expect(simulator.fromBusiness('Nombor IC')).toBeVisible();
  await simulator.send(IC);
  await expect(simulator.fromBusiness('900101-14-****')).toBeVisible();

  // The customer page shows what the IC gives, the IC masked.
  const customer = new CustomerPage(tenant.page);
  const id = await customer.openFromList(name);
  await expect(customer.ic).toHaveText('900101-14-****');
  await expect(customer.field('Date of birth')).toHaveText(`1 January 1990 (age ${ageOn('1990-01-01')})`);
  await expect(customer.field('Gender')).toHaveText('Female');
  await expect(customer.field('Born in')).toHaveText('WP Kuala Lumpur');
  await expect(customer.timeline.getByText('hello', { exact: true })).toBeVisible();

  // The owner reveals it for a moment; the audit log has the reveal.
  await customer.reveal.click();
  await expect(customer.ic).toHaveText(IC);
  await expect(tenant.page.getByText('this reveal is in the audit log')).toBeVisible();
  const keys = new ApiKeysPage(await tenant.page.context().newPage());
  await keys.page.goto('/settings/api-keys');
  const api = apiClient(tenant.page.request, await keys.create('Audit reader'));
  const audit = await api.list<{ action: string; targetId: string | null; metadata: Record<string, unknown> }>('/audit-log?limit=50');
  expect(audit.filter((e) => e.action === 'customer.ic_revealed').map((e) => e.targetId)).toEqual([id]);

  // A correction: an impossible IC is refused beside its field and the typed city stays.
  await customer.edit({ 'IC number': '901331-01-1234', City: 'Kota Bharu' });
  await expect(customer.profileForm.getByText(/is not a real date/)).toBeVisible();
  await expect(customer.profileForm.getByLabel('City')).toHaveValue('Kota Bharu');
  await customer.edit({ 'IC number': '', Name: `${name} binti Ali` });
  await expect(tenant.page.getByRole('heading', { level: 1, name: `${name} binti Ali` })).toBeVisible();
  await expect(customer.field('City')).toHaveText('Kota Bharu');
  expect((await api.list<{ action: string; metadata: { fields?: string[] } }>('/audit-log?limit=50')).find((e) => e.action === 'customer.corrected')?.metadata).toEqual({
    fields: ['name', 'city'],
  });

  // An agent of the same business: the masked number only, no Reveal, and the API refuses.
  const team = new TeamPage(tenant.page);
  await team.open();
  const link = await team.invite(uniqueEmail('agent'), 'Agent');
  const agent = await newPage();
  await agent.goto(link);
  await new InvitationPage(agent).accept('Kumar Agent', PASSWORD);
  await expect(agent).toHaveURL(/\/dashboard$/);
  await agent.goto(`/customers/${id}`);
  const asAgent = new CustomerPage(agent);
  await expect(asAgent.ic).toHaveText('900101-14-****');
  await expect(asAgent.reveal).toHaveCount(0);
  const html = await agent.content();
  expect(html).not.toContain(IC);
  expect(html).not.toContain(IC.replaceAll('-', ''));
  expect((await agent.request.post(`/api/v1/customers/${id}/reveal-ic`)).status()).toBe(403);
});

test.describe('the demo business', () => {
  test.use({ storageState: DEMO_OWNER_STATE });

  test('a demo customer opens with profile, statistics and the WhatsApp timeline', async ({ page }) => {
    await page.goto('/customers');
    // customers-list.spec deletes these demo customers, possibly while this test runs.
    const first = page.getByTestId('customer-row').filter({ hasNotText: /Daniel Tan|Hidayah Osman|Nabila Huda/ }).first().getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
    await expect(new CustomerPage(page).timeline.getByRole('listitem').first()).toBeVisible();
  });

  test("an unknown or another business's customer id is not found", async ({ page }) => {
    await page.goto(`/customers/${randomUUID()}`);
    await expect(page.getByRole('heading', { name: 'No such customer' })).toBeVisible();
  });
});

test('a CSV import guesses the columns, reports the bad row, imports the rest; the export masks the IC', async ({ tenant }) => {
  const page = tenant.page;
  await page.goto('/customers');
  await page.getByRole('link', { name: 'Import CSV' }).click();
  const csv = ['Nama,No. Telefon,No. IC,Jantina', 'Aisyah Import,012-777 0001,880202-10-1234,P', 'Bad Number,12345,,', 'Chong Import,+60 12-777 0003,,L'].join('\r\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'pelanggan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(page.getByLabel('Phone')).toHaveValue('No. Telefon');
  await expect(page.getByLabel('IC number', { exact: true })).toHaveValue('No. IC');
  await expect(page.getByText('2 new customers to add')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Problems by row' });
  await expect(problems.getByRole('row').filter({ hasText: 'No. Telefon' })).toContainText('3');
  await expect(page.getByRole('table', { name: 'First rows as they will be imported' })).toContainText('880202-10-****');

  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByRole('heading', { name: '3. Imported' })).toBeVisible();
  await expect(page.getByText('2 new customers added')).toBeVisible();
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the report (CSV)' }).click();
  expect((await (await report).path()) ?? '').not.toBe('');

  await page.goto('/customers');
  await expect(page.getByRole('link', { name: 'Aisyah Import', exact: true })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const bytes = await import('node:fs/promises').then((fs) => fs.readFile(file));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('880202-10-****');
  expect(text).not.toContain('880202-10-1234');
  expect(text).toContain('+60127770003');
});
