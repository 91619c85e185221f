import type { Locator, Page } from '@playwright/test';

// Receipts & IC: the review queue, a job's page with its review form, and the OCR log.
export class OcrPage {
  readonly jobs: Locator;
  readonly receiptForm: Locator;
  readonly details: Locator;
  readonly photo: Locator;

  constructor(readonly page: Page) {
    this.jobs = page.getByTestId('ocr-job');
    this.receiptForm = page.getByRole('form', { name: 'Review the receipt' });
    this.details = page.getByTestId('ocr-job-details');
    this.photo = page.getByTestId('ocr-photo');
  }

  async openQueue(): Promise<void> {
    await this.page.goto('/ocr');
  }

  async openLog(filters: { status?: string; kind?: string } = {}): Promise<void> {
    await this.page.goto('/ocr/log');
    if (filters.status) await this.page.getByLabel('Status').selectOption({ label: filters.status });
    if (filters.kind) await this.page.getByLabel('Kind').selectOption({ label: filters.kind });
    if (filters.status || filters.kind) await this.page.getByRole('button', { name: 'Filter' }).click();
  }

  // Opens the job in this row (its time is the link).
  async open(row: Locator): Promise<void> {
    await row.getByRole('link').first().click();
    await this.details.waitFor();
  }

  tab(name: RegExp): Locator {
    return this.page.getByRole('navigation', { name: 'OCR' }).getByRole('link', { name });
  }
}
