import { demoLogins } from '../db/seed/demo';
import { expect, test as setup } from './fixtures';
import { LoginPage } from './pages/login-page';
import { DEMO_OWNER_STATE } from './support/auth-state';

// The login-setup project: signs in the seeded demo owner once and saves the session.
setup('log in as the demo owner', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(demoLogins.owner.email, demoLogins.owner.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.context().storageState({ path: DEMO_OWNER_STATE });
});
