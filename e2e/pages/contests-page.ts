import { type Locator, type Page, expect } from '@playwright/test';

// Malaysian wall-clock time for a datetime-local input ("2026-04-01T09:30").
export function mytLocal(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

// The contests list, the create/edit form and a contest's page.
export class ContestsPage {
  readonly rows: Locator;
  readonly winners: Locator;
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('contest-row');
    this.winners = page.getByTestId('winner-row');
    this.entries = page.getByTestId('entry-row');
  }

  async openList(): Promise<void> {
    await this.page.goto('/contests');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Contests' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  async fillForm(fields: { name?: string; startsAt?: Date; endsAt?: Date; keyword?: string; prize?: string }): Promise<void> {
    if (fields.name !== undefined) await this.page.locator('#name').fill(fields.name);
    if (fields.startsAt) await this.page.getByLabel('Starts (Malaysia time)').fill(mytLocal(fields.startsAt));
    if (fields.endsAt) await this.page.getByLabel('Ends (Malaysia time)').fill(mytLocal(fields.endsAt));
    if (fields.keyword !== undefined) await this.page.getByRole('textbox', { name: 'Keyword', exact: true }).fill(fields.keyword);
    if (fields.prize !== undefined) await this.page.getByLabel('Prize 1', { exact: true }).fill(fields.prize);
  }

  // The error under a field, by the field's id (FormField names it `<id>-error`).
  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-error`);
  }

  async draw(): Promise<void> {
    await this.page.getByRole('button', { name: 'Draw winners' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Draw winners' }).click();
  }
}
