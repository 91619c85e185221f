import type { Page } from '@playwright/test';

// /invite/:token for someone without an account yet.
export class InvitationPage {
  constructor(readonly page: Page) {}

  async accept(name: string, password: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByLabel('Choose a password').fill(password);
    await this.page.getByRole('button', { name: 'Join the team' }).click();
  }
}
