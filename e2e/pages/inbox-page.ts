import type { Locator, Page } from '@playwright/test';

// The inbox: conversation list (search, filter tabs) and the open thread with its composer.
export class InboxPage {
  readonly list: Locator;
  readonly search: Locator;
  readonly filters: Locator;
  readonly thread: Locator;
  readonly messages: Locator;
  readonly composer: Locator;
  readonly windowClosedNote: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('region', { name: 'Conversations' });
    this.search = page.getByRole('searchbox', { name: 'Search conversations' });
    this.filters = page.getByRole('navigation', { name: 'Conversation filter' });
    this.thread = page.getByRole('region', { name: /^Conversation with / });
    this.messages = this.thread.getByRole('log', { name: 'Messages' }).getByTestId('message');
    this.composer = this.thread.getByRole('textbox', { name: 'Message' });
    this.windowClosedNote = this.thread.getByText(/The 24-hour window closed|has not written to you yet/);
  }

  async open(): Promise<void> {
    await this.page.goto('/inbox');
  }

  conversation(customerName: string): Locator {
    return this.list.getByTestId('conversation').filter({ hasText: customerName });
  }

  async openConversation(customerName: string): Promise<void> {
    await this.conversation(customerName).click();
    await this.thread.getByRole('heading', { name: customerName }).waitFor();
  }

  async showTab(tab: 'Open' | 'Mine' | 'Resolved' | 'All'): Promise<void> {
    await this.filters.getByRole('link', { name: tab, exact: true }).click();
    await this.filters.getByRole('link', { name: tab, exact: true }).and(this.page.locator('[aria-current="page"]')).waitFor();
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
  }

  message(text: string): Locator {
    return this.messages.filter({ hasText: text });
  }

  async reply(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  async assignTo(memberName: string): Promise<void> {
    await this.thread.getByRole('button', { name: /^(Assign conversation|Assigned to .*; change)$/ }).click();
    await this.page.getByRole('menuitemradio', { name: memberName }).click();
  }

  async setStatus(action: 'Resolve' | 'Reopen'): Promise<void> {
    await this.thread.getByRole('button', { name: action, exact: true }).click();
  }
}
