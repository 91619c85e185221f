import { type Locator, type Page, expect } from '@playwright/test';
import { SettingsPage } from './settings-page';

export interface CloudChannelDetails {
  name: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  apiBaseUrl?: string;
}

export class WhatsAppPage {
  readonly channels: Locator;
  readonly cloudForm: Locator;

  constructor(readonly page: Page) {
    this.channels = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Phone number ID' }) });
    this.cloudForm = page.getByRole('form', { name: 'Add Cloud API channel' });
  }

  async open(): Promise<void> {
    await new SettingsPage(this.page).open('WhatsApp');
    await expect(this.page).toHaveURL(/\/settings\/whatsapp$/);
  }

  channel(name: string): Locator {
    return this.channels.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  // Fills every field, secrets included: after a failed submit the form keeps no secret.
  async addCloudChannel(details: CloudChannelDetails): Promise<void> {
    const form = this.cloudForm;
    await form.getByLabel('Name').fill(details.name);
    await form.getByLabel('Phone number ID').fill(details.phoneNumberId);
    await form.getByLabel('WhatsApp Business Account ID').fill(details.wabaId);
    await form.getByLabel('Access token').fill(details.accessToken);
    await form.getByLabel('App secret').fill(details.appSecret);
    await form.getByLabel('Verify token').fill(details.verifyToken);
    await form.getByLabel('API base URL').fill(details.apiBaseUrl ?? '');
    await form.getByRole('button', { name: 'Add Cloud API channel' }).click();
  }

  async testConnection(name: string): Promise<Locator> {
    const row = this.channel(name);
    await row.getByRole('button', { name: 'Test connection' }).click();
    return row.getByRole('status').or(row.getByRole('alert'));
  }

  async delete(name: string): Promise<void> {
    await this.channel(name).getByRole('button', { name: 'Delete' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Delete channel' }).click();
  }
}
