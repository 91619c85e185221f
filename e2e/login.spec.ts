import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';

test('logs out and back in', async ({ tenant, page }) => {
  await new AppShell(page).logOut();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login/);

  const login = new LoginPage(page);
  await login.logIn(tenant.email, tenant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(new AppShell(page).heading).toHaveText(`Selamat datang, ${tenant.businessName}`);
});

test('a wrong password is refused, and after five the right one is too', async ({ tenant, page }) => {
  await new AppShell(page).logOut();
  const login = new LoginPage(page);
  await expect(page).toHaveURL(/\/login$/);

  for (let attempt = 1; attempt <= 5; attempt++) {
    await login.logIn(tenant.email, `wrong-password-${attempt}`);
    await login.expectRefused('The email or password is incorrect.');
  }
  await login.logIn(tenant.email, tenant.password);
  await login.expectRefused('Too many failed attempts. Wait 15 minutes and try again.');
  await expect(page).toHaveURL(/\/login$/);
});
