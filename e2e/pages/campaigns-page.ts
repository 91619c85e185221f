import { type Locator, type Page, expect } from '@playwright/test';

// The campaign builder (five steps) and a campaign's page (progress, funnel, recipients).
export class CampaignsPage {
  readonly eligible: Locator;
  readonly preview: Locator;
  readonly progress: Locator;
  readonly status: Locator;
  readonly recipientRows: Locator;

  constructor(readonly page: Page) {
    this.eligible = page.getByTestId('campaign-eligible');
    this.preview = page.getByTestId('campaign-preview');
    this.progress = page.getByRole('progressbar', { name: 'Campaign progress' });
    this.status = page.getByTestId('campaign-status').first();
    this.recipientRows = page.getByTestId('recipient-row');
  }

  async startNew(): Promise<void> {
    await this.page.goto('/campaigns');
    await this.page.getByRole('link', { name: 'Create campaign' }).click();
    await expect(this.page).toHaveURL(/\/campaigns\/new$/);
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: /^Next:/ }).click();
  }

  async step(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 2, name: new RegExp(`^\\d\\. ${name}$`) })).toBeVisible();
  }

  // The step rail: a done step shows a tick instead of its number.
  async goToStep(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(`${name}$`) }).click();
  }

  // The builder's last button: Launch, Schedule or Turn on (the step rail has a "Schedule" too).
  async finish(label: 'Launch' | 'Schedule' | 'Turn on'): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).and(this.page.locator('[type="submit"]')).click();
  }

  async chooseSegment(name: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Segments/ }).click();
    await this.page.getByRole('menuitemcheckbox', { name }).click();
    await this.page.keyboard.press('Escape');
  }

  async expectEligible(text: string): Promise<void> {
    await expect(this.page.getByRole('status', { name: 'Counting recipients' })).toHaveCount(0);
    await expect(this.eligible).toHaveText(text);
  }
}
