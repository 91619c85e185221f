import type { Locator, Page } from '@playwright/test';

// The customer simulator: start a customer, then chat from their phone.
export class SimulatorPage {
  readonly newPhone: Locator;
  readonly newProfileName: Locator;
  readonly sandboxNote: Locator;
  readonly phone: Locator;
  readonly messages: Locator;
  readonly composer: Locator;
  readonly attachment: Locator;

  constructor(readonly page: Page) {
    this.newPhone = page.getByLabel('Phone number');
    this.newProfileName = page.getByLabel('WhatsApp profile name');
    this.sandboxNote = page.getByText('This is the sandbox: nothing leaves this server');
    this.phone = page.getByRole('region', { name: /^Phone of / });
    this.messages = this.phone.getByTestId('simulator-message');
    this.composer = this.phone.getByRole('textbox', { name: 'Message' });
    this.attachment = this.phone.getByLabel('Attach an image or a document');
  }

  async open(): Promise<void> {
    await this.page.goto('/simulator');
  }

  // Starts playing a new customer with the suggested random number; returns that number.
  async startCustomer(profileName: string): Promise<string> {
    const number = await this.newPhone.inputValue();
    await this.newProfileName.fill(profileName);
    await this.page.getByRole('button', { name: 'Start chatting' }).click();
    await this.phone.getByText(`You are ${profileName}`).waitFor();
    return number;
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  async sendImage(file: { name: string; mimeType: string; buffer: Buffer }, caption?: string): Promise<void> {
    if (caption) await this.composer.fill(caption);
    await this.attachment.setInputFiles(file);
  }

  fromBusiness(text: string): Locator {
    return this.messages.and(this.page.locator('[data-from="business"]')).filter({ hasText: text });
  }

  fromCustomer(text: string): Locator {
    return this.messages.and(this.page.locator('[data-from="customer"]')).filter({ hasText: text });
  }
}
