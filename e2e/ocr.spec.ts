import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { CustomerPage } from './pages/customer-page';
import { OcrPage } from './pages/ocr-page';
import { PurchasesSection } from './pages/purchases-section';
import { SimulatorPage } from './pages/simulator-page';
import { DEMO_OWNER_STATE } from './support/auth-state';

// A copy of a shared fixture receipt kept in the repository (lib/ocr/test-fixtures/README.md).
const fixtures = path.resolve('lib/ocr/test-fixtures');

test('a receipt photo sent from the simulator is read by OCR, recorded, answered, and shown on the customer page with the tier', async ({ tenant }) => {
  // Real OCR on the server's two shared cores: seconds, more while other specs run.
  test.setTimeout(150_000);
  const simulator = new SimulatorPage(tenant.page);
  await simulator.open();
  const name = `Hafiz Resit ${randomUUID().slice(0, 4)}`;
  await simulator.startCustomer(name);
  await simulator.sendImage({ name: 'resit.jpg', mimeType: 'image/jpeg', buffer: readFileSync(path.join(fixtures, 'ocr-synthetic/images/receipt_002.jpg')) });
  await expect(simulator.fromBusiness('RM 48.12')).toBeVisible({ timeout: 120_000 });
  // A customer whose language is not known yet is answered in the tenant's (Malay by default).
  await expect(simulator.fromBusiness('RM 48.12')).toContainText('Jumlah belanja anda kini RM 48.12 dan tahap anda ialah Gangsa.');

  const customer = new CustomerPage(tenant.page);
  await customer.openFromList(name);
  const purchases = new PurchasesSection(tenant.page);
  await purchases.expectTier('Bronze');
  await expect(purchases.stat('Total spent')).toHaveText('RM 48.12');
  await expect(purchases.rows.first()).toContainText('RM 48.12');
  await expect(purchases.rows.first()).toContainText('Receipt photo');
  await expect(purchases.rows.first().getByRole('img')).toBeVisible();

  const ocr = new OcrPage(tenant.page);
  await ocr.openLog({ kind: 'Receipt' });
  await expect(ocr.jobs).toHaveCount(1);
  await expect(ocr.jobs.first()).toContainText('Purchase recorded');
  await ocr.open(ocr.jobs.first());
  await expect(ocr.photo).toBeVisible();
  await expect(ocr.details).toContainText('Done');
  await expect(ocr.details).toContainText(/OCR [\d,]+ ms/);
});

test.describe('the demo review queue', () => {
  test.use({ storageState: DEMO_OWNER_STATE });

  test('the owner corrects and approves a smudged receipt, and rejects an IC card with a note', async ({ page }) => {
    const ocr = new OcrPage(page);
    await ocr.openQueue();
    await expect(ocr.tab(/^To review \(3\)$/)).toBeVisible();
    await ocr.open(ocr.jobs.filter({ hasText: 'Receipt' }).first());
    await expect(ocr.photo).toBeVisible();
    await expect(ocr.receiptForm.getByLabel('Total (RM)')).toHaveValue('38.50');
    await expect(ocr.details).toContainText('Read with confidence 0.57, below 0.75.');
    await ocr.receiptForm.getByLabel('Total (RM)').fill('38.55');
    await ocr.receiptForm.getByRole('button', { name: 'Approve and record' }).click();
    await expect(page.getByText('Purchase recorded; the customer was told.')).toBeVisible();
    await expect(ocr.tab(/^To review \(2\)$/)).toBeVisible();

    await ocr.open(ocr.jobs.filter({ hasText: 'IC card' }));
    await expect(page.getByLabel('IC number')).toHaveValue('960229085124');
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
    await expect(page.getByRole('dialog').getByText('Say in a few words why')).toBeVisible();
    await page.getByRole('dialog').getByLabel('Note for the team').fill('Photo of a sample card, not the customer');
    await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
    await expect(page.getByText('Rejected; the customer was told.')).toBeVisible();
    await expect(ocr.tab(/^To review \(1\)$/)).toBeVisible();

    await ocr.openLog({ status: 'Approved' });
    await expect(ocr.jobs.first()).toContainText('Purchase recorded');
  });
});
