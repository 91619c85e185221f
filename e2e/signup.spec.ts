import { expect, newSignup, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { SignupPage } from './pages/signup-page';

test('a new business signs up and lands on its dashboard', async ({ tenant }) => {
  const shell = new AppShell(tenant.page);
  await expect(tenant.page).toHaveURL(/\/dashboard$/);
  await expect(shell.heading).toHaveText(`Selamat datang, ${tenant.businessName}`);
  await expect(shell.currentTenant).toHaveText(tenant.businessName);
});

test('a weak password is explained beside the field and creates nothing', async ({ page }) => {
  const details = newSignup();
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.signUp({ ...details, password: 'short1' });

  await expect(signup.password).toHaveAccessibleDescription(/Use at least 10 characters\./);
  await expect(signup.businessName).toHaveValue(details.businessName);
  await expect(signup.name).toHaveValue(details.name);
  await expect(signup.email).toHaveValue(details.email);
  await expect(page).toHaveURL(/\/signup$/);

  // Nothing was created: the same email signs up with a good password.
  await signup.password.fill(details.password);
  await signup.submit.click();
  await expect(new AppShell(page).heading).toHaveText(`Selamat datang, ${details.businessName}`);
});

test('an email that already has an account is explained beside the email field', async ({ tenant, newPage }) => {
  const signup = new SignupPage(await newPage());
  await signup.goto();
  await signup.signUp({ ...newSignup(), email: tenant.email });

  await expect(signup.email).toHaveAccessibleDescription('An account with this email already exists. Log in instead.');
  await expect(signup.email).toHaveValue(tenant.email);
  await expect(signup.page).toHaveURL(/\/signup$/);
});
