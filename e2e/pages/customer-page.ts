import { type Locator, type Page, expect } from '@playwright/test';

// One customer's page: profile (view and edit), IC reveal, flags, statistics and timeline.
export class CustomerPage {
  readonly ic: Locator;
  readonly reveal: Locator;
  readonly timeline: Locator;
  readonly profileForm: Locator;

  constructor(readonly page: Page) {
    this.ic = page.getByTestId('customer-ic');
    this.reveal = page.getByRole('button', { name: 'Reveal the full IC number' });
    this.timeline = page.getByRole('log', { name: 'Messages' });
    this.profileForm = page.getByRole('form', { name: 'Edit profile' });
  }

  // From the customers list, by searching the name.
  async openFromList(name: string): Promise<string> {
    await this.page.goto(`/customers?search=${encodeURIComponent(name)}`);
    await this.page.getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
    const id = /\/customers\/([0-9a-f-]{36})$/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`not on a customer page: ${this.page.url()}`);
    return id;
  }

  // The value beside a label of the profile ("Gender" → "Female").
  field(label: string): Locator {
    return this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  async edit(values: Partial<Record<'Name' | 'IC number' | 'City', string>>): Promise<void> {
    if (!(await this.profileForm.isVisible())) await this.page.getByRole('button', { name: 'Edit' }).click();
    for (const [label, value] of Object.entries(values)) await this.profileForm.getByLabel(label).fill(value);
    await this.profileForm.getByRole('button', { name: 'Save profile' }).click();
  }
}
