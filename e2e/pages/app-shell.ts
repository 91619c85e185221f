import type { Locator, Page } from '@playwright/test';

// The dashboard frame around every signed-in page: header, navigation, user menu.
export class AppShell {
  readonly heading: Locator;
  readonly currentTenant: Locator;
  readonly mainNav: Locator;
  readonly openMenu: Locator;
  readonly menuSheet: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.currentTenant = page.getByTestId('current-tenant');
    this.mainNav = page.getByRole('navigation', { name: 'Main' });
    this.openMenu = page.getByRole('button', { name: 'Open menu' });
    this.menuSheet = page.getByRole('dialog');
  }

  async navigate(section: string): Promise<void> {
    await this.mainNav.getByRole('link', { name: section }).click();
  }

  async logOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Account menu' }).click();
    await this.page.getByRole('menuitem', { name: 'Log out' }).click();
  }
}
