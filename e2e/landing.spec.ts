import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';

test('the landing page leads to sign up and log in', async ({ page }) => {
  await page.goto('/');
  const header = page.getByRole('banner');

  await header.getByRole('link', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByRole('button', { name: 'Create account' })).toBeVisible();

  await page.goBack();
  await header.getByRole('link', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the menu sheet opens and navigates', async ({ tenant, page }) => {
    const shell = new AppShell(page);
    await expect(shell.currentTenant).toHaveText(tenant.businessName);
    await expect(shell.mainNav).toBeHidden();
    await shell.openMenu.click();
    await shell.menuSheet.getByRole('link', { name: 'Customers' }).click();

    await expect(page).toHaveURL(/\/customers$/);
    await expect(shell.heading).toHaveText('Customers');
    await expect(shell.menuSheet).toBeHidden();
  });
});
