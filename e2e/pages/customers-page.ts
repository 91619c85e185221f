import { type Locator, type Page, expect } from '@playwright/test';

// The customers list: filter bar, table, pages and bulk delete.
export class CustomersPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly count: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly noMatch: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('customer-table');
    this.rows = this.table.getByTestId('customer-row');
    this.search = page.getByRole('searchbox', { name: 'Search customers' });
    this.count = page.getByTestId('customer-count');
    this.next = page.getByRole('link', { name: 'Next' });
    this.previous = page.getByRole('link', { name: 'Previous' });
    this.noMatch = page.getByRole('heading', { name: 'No customer matches these filters' });
  }

  async open(): Promise<void> {
    await this.page.goto('/customers');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  }

  // The total the page states ("Customers 1–25 of 30").
  async total(): Promise<number> {
    const text = (await this.count.textContent()) ?? '';
    const match = /of ([\d,]+)$/.exec(text.trim());
    if (!match?.[1]) throw new Error(`no total in ${JSON.stringify(text)}`);
    return Number(match[1].replaceAll(',', ''));
  }

  async names(): Promise<string[]> {
    return this.rows.getByRole('link').allTextContents();
  }

  // Waits until the URL holds `param` (the list reloads from the URL).
  async expectParam(param: string, value: string | null): Promise<void> {
    await expect.poll(() => new URL(this.page.url()).searchParams.get(param)).toBe(value);
  }

  async choose(filter: 'State' | 'Gender' | 'Marital status' | 'Consent' | 'Tier', option: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^Filter by ${filter.toLowerCase()}`) }).click();
    await this.page.getByRole('menuitemcheckbox', { name: option }).click();
    await this.page.keyboard.press('Escape');
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  // Waits for the new page of rows: a selection made before it arrives would be on the old one.
  async perPage(n: 25 | 50 | 100): Promise<void> {
    await this.page.getByLabel('Rows per page').selectOption(String(n));
    await this.expectParam('limit', String(n));
    await expect(this.table).not.toHaveAttribute('aria-busy');
  }

  async select(name: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select ${name}` }).click();
  }

  // Confirms "Delete N customers" in the dialog that names the count.
  async deleteSelected(count: number): Promise<void> {
    const label = `Delete ${count} ${count === 1 ? 'customer' : 'customers'}`;
    await this.page.getByRole('button', { name: label }).click();
    const dialog = this.page.getByRole('alertdialog');
    await expect(dialog.getByRole('heading', { name: `${label}?` })).toBeVisible();
    await dialog.getByRole('button', { name: label }).click();
    await expect(this.page.getByText(`Deleted ${count} ${count === 1 ? 'customer' : 'customers'}.`)).toBeVisible();
  }
}
