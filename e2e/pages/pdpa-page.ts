import { type Locator, type Page, expect } from '@playwright/test';
import { SettingsPage } from './settings-page';

// Settings → PDPA: the notice and retention form, the data request log and the breach register.
export class PdpaPage {
  readonly nav: Locator;
  readonly versions: Locator;
  readonly requests: Locator;
  readonly breaches: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'PDPA' });
    this.versions = page.getByTestId('notice-version');
    this.requests = page.getByTestId('data-request');
    this.breaches = page.getByTestId('breach');
  }

  async open(tab?: 'Data requests' | 'Breach register'): Promise<void> {
    await new SettingsPage(this.page).open('PDPA');
    await expect(this.page).toHaveURL(/\/settings\/pdpa$/);
    if (tab) {
      await this.nav.getByRole('link', { name: tab }).click();
      await expect(this.nav.getByRole('link', { name: tab })).toHaveAttribute('aria-current', 'page');
    }
  }

  notice(language: 'Bahasa Malaysia' | 'English' | 'Chinese (optional)'): Locator {
    return this.page.getByLabel(`Notice in ${language}`);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save PDPA settings' }).click();
  }

  async logRequest(request: { kind: string; from: string; receivedOn: string }): Promise<void> {
    await this.page.getByLabel('Request', { exact: true }).selectOption({ label: request.kind });
    await this.page.getByLabel('From').fill(request.from);
    await this.page.getByLabel('Received on').fill(request.receivedOn);
    await this.page.getByRole('button', { name: 'Log request' }).click();
  }

  request(from: string): Locator {
    return this.requests.filter({ hasText: from });
  }

  async recordBreach(breach: { title: string; details: string; kinds: string[]; discoveredAt: string }): Promise<void> {
    await this.page.getByLabel('What happened').fill(breach.title);
    await this.page.getByLabel('Details').fill(breach.details);
    for (const kind of breach.kinds) await this.page.getByLabel(kind, { exact: true }).check();
    await this.page.getByLabel('Discovered at (Malaysia time)').fill(breach.discoveredAt);
    await this.page.getByRole('button', { name: 'Record breach' }).click();
  }

  breach(title: string): Locator {
    return this.breaches.filter({ hasText: title });
  }
}
