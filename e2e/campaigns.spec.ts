import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { solidPng } from '../lib/ocr/test-helpers';
import { expect, test } from './fixtures';
import { CampaignsPage } from './pages/campaigns-page';
import { SegmentsPage } from './pages/segments-page';
import { SimulatorPage } from './pages/simulator-page';
import { DEMO_OWNER_STATE } from './support/auth-state';

// Building, paging back and forth, and sending at the sandbox's pace on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

test('a segment becomes a campaign: launched, the simulator customers receive it with ticks, the progress bar reaches 100%', async ({ tenant: { page } }) => {
  // Two customers write in from the simulator, so their 24-hour windows are open.
  const simulator = new SimulatorPage(page);
  await simulator.open();
  const suffix = randomUUID().slice(0, 4);
  const names = [`Nurul Kempen ${suffix}`, `Wong Kempen ${suffix}`];
  for (const name of names) {
    await simulator.startCustomer(name);
    await simulator.send('hello');
    await expect(simulator.fromCustomer('hello')).toBeVisible();
  }

  // A segment of everyone who became a customer today.
  const segments = new SegmentsPage(page);
  await page.goto('/segments/new');
  // Malaysia is UTC+8 all year.
  await page.getByLabel('Customer since, from').fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  await segments.expectCount('2 customers match');
  await segments.save('New today');
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);

  const campaigns = new CampaignsPage(page);
  await campaigns.startNew();
  await campaigns.step('Details');
  // Nothing typed: the step says what is missing and stays.
  await campaigns.next();
  await expect(page.getByText('Give the campaign a name.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Kedai buka esok');
  await page.getByRole('radio', { name: /^Service/ }).check();
  await campaigns.next();

  await campaigns.step('Audience');
  await campaigns.chooseSegment('New today');
  await campaigns.expectEligible('2 of 2 customers will receive it');
  await page.screenshot({ path: 'test-results/campaign-builder-audience.png', fullPage: true });
  await campaigns.next();

  await campaigns.step('Message');
  const message = page.getByRole('textbox', { name: 'Message' });
  await message.fill('Salam ');
  await page.getByRole('button', { name: '{{first_name}}' }).click();
  await message.press('End');
  await message.pressSequentially(', kedai kami buka esok jam 8 pagi.');
  // Going back keeps what was typed.
  await page.getByRole('button', { name: 'Back' }).click();
  await campaigns.step('Audience');
  await campaigns.next();
  await expect(message).toHaveValue('Salam {{first_name}}, kedai kami buka esok jam 8 pagi.');
  await page.screenshot({ path: 'test-results/campaign-builder-message.png', fullPage: true });
  await campaigns.next();

  await campaigns.step('Schedule');
  await expect(page.getByRole('radio', { name: /^Send now/ })).toBeChecked();
  await campaigns.next();

  await campaigns.step('Review');
  await expect(campaigns.preview).toContainText(/Salam \S+, kedai kami buka esok jam 8 pagi\./);
  await expect(page.getByTestId('campaign-duration')).toContainText('Sending takes about');
  await page.screenshot({ path: 'test-results/campaign-builder-review.png', fullPage: true });
  await campaigns.finish('Launch');

  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kedai buka esok' })).toBeVisible();
  await expect(campaigns.progress).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(campaigns.status).toHaveText('Completed', { timeout: 30_000 });
  await expect(campaigns.recipientRows).toHaveCount(2);
  await expect(page.getByTestId('campaign-stat-sent')).toContainText('2');
  await page.screenshot({ path: 'test-results/campaign-detail.png', fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  for (const name of names) expect(csv).toContain(name);

  // Each customer's phone shows the message, with the name filled in and ticks.
  await simulator.open();
  for (const name of names) {
    await page.getByRole('list', { name: 'Simulated customers' }).getByRole('button', { name: new RegExp(name) }).click();
    const received = simulator.fromBusiness(`Salam ${name.split(' ')[0]}, kedai kami buka esok jam 8 pagi.`);
    await expect(received).toBeVisible({ timeout: 30_000 });
    await expect(received).toHaveAttribute('data-status', /^(delivered|read)$/);
  }
});

test.describe('the demo', () => {
  test.use({ storageState: DEMO_OWNER_STATE });

  test('shows the finished campaigns with a consistent funnel and who was skipped, and the scheduled one', async ({ page }) => {
    await page.goto('/campaigns');
    const rows = page.getByTestId('campaign-row');
    await expect(rows.filter({ hasText: 'Deepavali: Kopi O separuh harga' })).toContainText('Completed');
    await expect(rows.filter({ hasText: 'Menu baharu: nasi lemak rendang' })).toContainText('Completed');
    await expect(rows.filter({ hasText: 'Jualan hujung tahun' })).toContainText('Scheduled');
    await page.screenshot({ path: 'test-results/campaign-list-demo.png', fullPage: true });

    await page.getByRole('link', { name: 'Deepavali: Kopi O separuh harga' }).click();
    const campaigns = new CampaignsPage(page);
    await expect(campaigns.progress).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByTestId('campaign-funnel')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Why some were not sent' })).toContainText('Has not agreed to marketing');
    await page.screenshot({ path: 'test-results/campaign-detail-demo.png', fullPage: true });
    await page.getByRole('navigation', { name: 'Filter recipients by status' }).getByRole('link', { name: 'Failed' }).click();
    await expect(campaigns.recipientRows).toHaveCount(1);
    await expect(campaigns.recipientRows).toContainText('Not reachable on WhatsApp (131026: Message undeliverable)');
  });
});

test('a draft is saved, reopened with everything kept, scheduled in Malaysia time, then cancelled', async ({ tenant: { page } }) => {
  const csv = 'Name,Phone\nSiti Sabtu,+60123456790\n';
  const imported = await page.request.post('/api/v1/customers/import', { multipart: { file: { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } } });
  expect(imported.status(), await imported.text()).toBe(201);
  const campaigns = new CampaignsPage(page);
  await campaigns.startNew();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Promosi hujung minggu');
  await page.getByRole('textbox', { name: 'Objective (optional)' }).fill('Fill the Saturday tables.');
  await campaigns.next();
  await campaigns.next();
  await page.getByRole('textbox', { name: 'Message' }).fill('Hai {{first_name}}, roti bakar percuma Sabtu ini!');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(campaigns.status).toHaveText('Draft');
  await expect(page.getByText('Recipients are chosen when the campaign starts.')).toBeVisible();

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Promosi hujung minggu');
  await expect(page.getByRole('textbox', { name: 'Objective (optional)' })).toHaveValue('Fill the Saturday tables.');
  await campaigns.goToStep('Message');
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('Hai {{first_name}}, roti bakar percuma Sabtu ini!');
  await campaigns.next();
  await campaigns.step('Schedule');
  await page.getByRole('radio', { name: /^Schedule/ }).check();
  // Malaysia is UTC+8 all year: tomorrow 09:00 there.
  const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Start (Malaysia time)').fill(`${tomorrow}T09:00`);
  await page.getByLabel(/^Stop sending after/).fill(`${tomorrow}T08:00`);
  await campaigns.next();
  await expect(page.getByText('The end must come after the start.')).toBeVisible();
  await page.getByLabel(/^Stop sending after/).fill(`${tomorrow}T21:00`);
  // Nobody chosen yet: the schedule step says so and the audience is one click back.
  await expect(page.getByRole('alert').filter({ hasText: 'Nobody to send to' })).toBeVisible();
  await campaigns.goToStep('Audience');
  await page.getByRole('searchbox', { name: 'Add customers by hand' }).fill('Siti');
  await page.getByRole('button', { name: /^Add / }).first().click();
  await campaigns.goToStep('Review');
  await campaigns.step('Review');
  await expect(page.getByText(`Starts ${tomorrow} 09:00 (Malaysia time); stops sending after ${tomorrow} 21:00`)).toBeVisible();
  await campaigns.finish('Schedule');

  await expect(campaigns.status).toHaveText('Scheduled');
  await expect(page.getByText(/Starts \d{1,2} \w{3} \d{4}, 9:00 am/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel campaign' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel campaign' }).click();
  await expect(page.getByText('Campaign cancelled: nothing more is sent.')).toBeVisible();
  await expect(campaigns.status).toHaveText('Cancelled');
});

test('an automated birthday campaign is built with a trigger instead of a date, for everyone, and stays on', async ({ tenant: { page } }) => {
  const campaigns = new CampaignsPage(page);
  await campaigns.startNew();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ucapan hari jadi');
  await campaigns.next();
  await campaigns.step('Audience');
  await expect(page.getByText(/Nobody chosen yet/)).toBeVisible();
  await campaigns.next();
  await campaigns.step('Message');
  await page.getByRole('textbox', { name: 'Message' }).fill('Selamat hari jadi, {{first_name}}! Kopi percuma untuk anda hari ini.');
  await expect(page.getByTestId('campaign-opt-out')).toContainText('Reply STOP');
  await campaigns.next();

  await campaigns.step('Schedule');
  // Sending now with nobody chosen is refused here, where the alternative is offered.
  await campaigns.next();
  await expect(page.getByRole('alert').filter({ hasText: 'Nobody to send to' })).toBeVisible();
  await page.getByRole('radio', { name: /^Automated/ }).check();
  await expect(page.getByRole('radio', { name: /^Birthday/ })).toBeChecked();
  await page.screenshot({ path: 'test-results/campaign-builder-trigger.png', fullPage: true });
  await campaigns.next();

  await campaigns.step('Review');
  await expect(page.getByText('Every customer the trigger finds')).toBeVisible();
  await expect(page.getByText('Automated: on each customer’s birthday')).toBeVisible();
  await campaigns.finish('Turn on');
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByText('On each customer’s birthday')).toBeVisible();
  await expect(campaigns.status).toHaveText('On');
  // Still on after its first (empty) dispatch run.
  await page.waitForTimeout(3_000);
  await page.reload();
  await expect(campaigns.status).toHaveText('On');
});

test('an image goes with the message: attached, previewed, kept across steps, shown on review and when the draft reopens', async ({ tenant: { page } }) => {
  const imported = await page.request.post('/api/v1/customers/import', { multipart: { file: { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Phone\nSiti Poster,+60123456791\n') } } });
  expect(imported.status(), await imported.text()).toBe(201);
  const campaigns = new CampaignsPage(page);
  await campaigns.startNew();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Poster Raya');
  await page.getByRole('radio', { name: /^Service/ }).check();
  await campaigns.next();
  await campaigns.step('Audience');
  await page.getByRole('searchbox', { name: 'Add customers by hand' }).fill('Siti');
  await page.getByRole('button', { name: /^Add / }).first().click();
  await campaigns.next();
  await campaigns.step('Message');
  await page.getByRole('textbox', { name: 'Message' }).fill('Jualan Raya untuk {{first_name}}!');

  // Not an image: refused beside the field, with what WhatsApp takes.
  await page.getByLabel('Attach image or video').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alert').filter({ hasText: 'Attach a JPEG or PNG image, or an MP4 or 3GP video' })).toBeVisible();

  await page.getByLabel('Attach image or video').setInputFiles({ name: 'poster-raya.png', mimeType: 'image/png', buffer: solidPng([0, 128, 96]) });
  const preview = page.getByRole('img', { name: 'Attached image poster-raya.png' });
  await expect(preview).toBeVisible();
  // The browser decoded what GET /api/media/:id served.
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  await expect(page.getByTestId('campaign-media-name')).toHaveText('poster-raya.png');
  await expect(page.getByText(/^\d+ B$/)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'JPEG or PNG' })).toHaveCount(0);

  // With an image the text is a caption: WhatsApp's shorter limit applies.
  const message = page.getByRole('textbox', { name: 'Message' });
  await message.fill('x'.repeat(901));
  await campaigns.next();
  await expect(page.getByText('With an image or video the text is its caption: at most 900 characters.')).toBeVisible();
  await message.fill('Jualan Raya untuk {{first_name}}!');

  // Back and forward keep the upload.
  await page.getByRole('button', { name: 'Back' }).click();
  await campaigns.step('Audience');
  await campaigns.next();
  await expect(preview).toBeVisible();
  await page.screenshot({ path: 'test-results/campaign-builder-media.png', fullPage: true });

  await campaigns.goToStep('Review');
  await campaigns.step('Review');
  await expect(page.getByText('Text with an image (poster-raya.png)')).toBeVisible();
  await expect(campaigns.preview.getByRole('img', { name: 'Attached image poster-raya.png' })).toBeVisible();
  await expect(campaigns.preview).toContainText(/Jualan Raya untuk \S+!/);
  await page.screenshot({ path: 'test-results/campaign-builder-media-review.png', fullPage: true });

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await page.getByRole('link', { name: 'Edit' }).click();
  await campaigns.goToStep('Message');
  await expect(page.getByRole('img', { name: 'Attached image poster-raya.png' })).toBeVisible();
  // Removed, the field offers the upload again.
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('img', { name: /Attached image/ })).toHaveCount(0);
  await expect(page.getByLabel('Attach image or video')).toBeFocused();
});
