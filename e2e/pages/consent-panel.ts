import type { Locator, Page } from '@playwright/test';

// The customer page's Consent section: status, history, and the change form.
export class ConsentPanel {
  readonly root: Locator;
  readonly events: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('consent-panel');
    this.events = this.root.getByTestId('consent-event');
    this.form = this.root.getByRole('form', { name: 'Change consent' });
  }

  async change(status: 'Granted — may receive marketing' | 'Withdrawn — no marketing', reason: string): Promise<void> {
    await this.form.getByLabel('New status').selectOption({ label: status });
    await this.form.getByLabel('Reason').fill(reason);
    await this.form.getByRole('button', { name: 'Record change' }).click();
  }
}
