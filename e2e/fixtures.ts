import { randomUUID } from 'node:crypto';
import { type BrowserContext, type Page, test as base, expect } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { type SignupDetails, SignupPage } from './pages/signup-page';

export interface Tenant extends SignupDetails {
  /** Signed in as the tenant's owner. */
  page: Page;
}

export const PASSWORD = 'Kopi-susu-2026';

// Unique per call, so tests never share a tenant, a user or a rate-limit counter.
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@e2e.example.com`;
}

export function newSignup(businessName = 'Kedai Ujian'): SignupDetails {
  const suffix = randomUUID().slice(0, 6);
  return { businessName: `${businessName} ${suffix}`, name: 'Siti Aminah', email: uniqueEmail('owner'), password: PASSWORD };
}

async function signUpOn(page: Page, details: SignupDetails): Promise<Tenant> {
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.signUp(details);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(new AppShell(page).heading).toHaveText(`Selamat datang, ${details.businessName}`);
  return { ...details, page };
}

interface Fixtures {
  /** A fresh tenant signed up through the UI; its owner is signed in on `page`. */
  tenant: Tenant;
  /** Signs up another fresh tenant, in a browser context of its own. */
  newTenant: (businessName?: string) => Promise<Tenant>;
  /** A page in a browser context of its own, signed out (e.g. for an invitee). */
  newPage: () => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  tenant: async ({ page }, use) => {
    await use(await signUpOn(page, newSignup()));
  },
  newPage: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  newTenant: async ({ newPage }, use) => {
    await use(async (businessName) => signUpOn(await newPage(), newSignup(businessName)));
  },
});

export { expect };
