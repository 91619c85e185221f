import type { Locator, Page } from '@playwright/test';
import { SettingsPage } from './settings-page';

export class TeamPage {
  readonly members: Locator;
  readonly invitations: Locator;

  constructor(readonly page: Page) {
    this.members = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Joined' }) });
    this.invitations = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Expires' }) });
  }

  async open(): Promise<void> {
    await new SettingsPage(this.page).open('Team');
  }

  // Creates an invitation and returns the link shown to the inviter.
  async invite(email: string, role: 'Agent' | 'Admin' | 'Owner'): Promise<string> {
    await this.page.getByLabel('Email', { exact: true }).fill(email);
    await this.page.getByLabel('Role', { exact: true }).selectOption({ label: role });
    await this.page.getByRole('button', { name: 'Create invitation' }).click();
    const link = this.page.getByRole('textbox', { name: 'invitation link' });
    await link.waitFor();
    return link.inputValue();
  }

  member(email: string): Locator {
    return this.members.getByRole('row').filter({ hasText: email });
  }

  invitation(email: string): Locator {
    return this.invitations.getByRole('row').filter({ hasText: email });
  }
}
