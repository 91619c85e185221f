import { type Locator, type Page, expect } from '@playwright/test';
import { SettingsPage } from './settings-page';

export class ApiKeysPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new SettingsPage(this.page).open('API keys');
  }

  // Creates a key and returns the secret, which the page shows only this once.
  async create(name: string): Promise<string> {
    await this.page.getByLabel('Key name').fill(name);
    await this.page.getByRole('button', { name: 'Create API key' }).click();
    const secret = this.page.getByRole('textbox', { name: 'API key' });
    await secret.waitFor();
    return secret.inputValue();
  }

  key(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async revoke(name: string): Promise<void> {
    await this.key(name).getByRole('button', { name: 'Revoke' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Revoke key' }).click();
    await expect(this.key(name)).toContainText('Revoked');
  }
}
