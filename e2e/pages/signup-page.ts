import type { Locator, Page } from '@playwright/test';

export interface SignupDetails {
  businessName: string;
  name: string;
  email: string;
  password: string;
}

export class SignupPage {
  readonly businessName: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.businessName = page.getByLabel('Business name');
    this.name = page.getByLabel('Your name');
    this.email = page.getByLabel('Work email');
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Create account' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/signup');
  }

  async signUp(details: SignupDetails): Promise<void> {
    await this.businessName.fill(details.businessName);
    await this.name.fill(details.name);
    await this.email.fill(details.email);
    await this.password.fill(details.password);
    await this.submit.click();
  }
}
