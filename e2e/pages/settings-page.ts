import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

export class SettingsPage {
  readonly nav: Locator;
  readonly role: Locator;
  readonly forbidden: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Settings' });
    this.role = page.getByTestId('current-role');
    this.forbidden = page.getByRole('heading', { name: "You don't have access" });
  }

  // Settings in the main navigation, then a tab ("Team", "API keys") when given.
  async open(tab?: string): Promise<void> {
    await new AppShell(this.page).navigate('Settings');
    if (tab) await this.nav.getByRole('link', { name: tab }).click();
  }
}
