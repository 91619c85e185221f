import { type Locator, type Page, expect } from '@playwright/test';

// The Purchases card on a customer's page, and Settings → Tiers.
export class PurchasesSection {
  readonly root: Locator;
  readonly tier: Locator;
  readonly rows: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('purchase-history');
    this.tier = this.root.getByTestId('tier-badge');
    this.rows = this.root.getByTestId('purchase-row');
    this.dialog = page.getByRole('dialog');
  }

  // The figure beside a label ("Total spent" → "RM 600.00").
  stat(label: string): Locator {
    return this.root.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  async record(values: { total: string; merchant?: string; receiptNumber?: string; date?: string }): Promise<void> {
    await this.root.getByRole('button', { name: 'Record a purchase' }).click();
    if (values.date) await this.dialog.getByLabel('Date on the receipt').fill(values.date);
    await this.dialog.getByLabel('Total (RM)').fill(values.total);
    if (values.merchant) await this.dialog.getByLabel('Merchant or outlet').fill(values.merchant);
    if (values.receiptNumber) await this.dialog.getByLabel('Receipt no.').fill(values.receiptNumber);
    await this.dialog.getByRole('button', { name: 'Record purchase' }).click();
  }

  async setThresholds(thresholds: { silver: string; gold?: string; platinum?: string }): Promise<void> {
    await this.page.goto('/settings/tiers');
    await this.page.getByLabel('Silver from (RM)').fill(thresholds.silver);
    if (thresholds.gold) await this.page.getByLabel('Gold from (RM)').fill(thresholds.gold);
    if (thresholds.platinum) await this.page.getByLabel('Platinum from (RM)').fill(thresholds.platinum);
    await this.page.getByRole('button', { name: 'Save tiers' }).click();
  }

  // Import purchases on the import page: check the file, then import what it found.
  async importCsv(csv: string): Promise<void> {
    await this.page.goto('/customers/import');
    await this.page.getByLabel('Purchases file (CSV, up to 5 MB)').setInputFiles({ name: 'purchases.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await this.page.getByRole('button', { name: 'Check the file' }).click();
    await this.page.getByRole('button', { name: /^Import \d+ purchases?$/ }).click();
  }

  async expectTier(label: string): Promise<void> {
    await expect(this.tier).toHaveText(label);
  }
}
