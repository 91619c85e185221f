import { type Locator, type Page, expect } from '@playwright/test';

// The segments list and the builder (simple form, advanced editor, live count and sample).
export class SegmentsPage {
  readonly count: Locator;
  readonly sampleRows: Locator;
  readonly groups: Locator;
  readonly conditions: Locator;

  constructor(readonly page: Page) {
    this.count = page.getByTestId('segment-count');
    this.sampleRows = page.getByTestId('segment-sample-row');
    this.groups = page.getByTestId('segment-group');
    this.conditions = page.getByTestId('segment-condition');
  }

  async open(): Promise<void> {
    await this.page.goto('/segments');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Segments' })).toBeVisible();
  }

  // Waits for the count the server answered (the spinner gone, the text settled).
  async expectCount(text: string): Promise<void> {
    await expect(this.page.getByRole('status', { name: 'Counting customers' })).toHaveCount(0);
    await expect(this.count).toHaveText(text);
  }

  async choose(label: string, ...options: string[]): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
    for (const option of options) await this.page.getByRole('menuitemcheckbox', { name: option }).click();
    await this.page.keyboard.press('Escape');
  }

  async sampleNames(): Promise<string[]> {
    return this.sampleRows.getByRole('link').allTextContents();
  }

  async save(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Save segment' }).click();
  }
}
