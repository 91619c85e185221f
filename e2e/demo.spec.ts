import { demoLogins } from '../db/seed/demo';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { TeamPage } from './pages/team-page';
import { DEMO_OWNER_STATE } from './support/auth-state';

test.use({ storageState: DEMO_OWNER_STATE });

test('the seeded demo owner sees the demo business and its team', async ({ page }) => {
  await page.goto('/dashboard');
  const shell = new AppShell(page);
  await expect(shell.heading).toHaveText('Selamat datang, Kedai Kopi Aisyah');
  await expect(shell.currentTenant).toHaveText('Kedai Kopi Aisyah');

  const team = new TeamPage(page);
  await team.open();
  await expect(team.member(demoLogins.agent.email)).toContainText(demoLogins.agent.name);
});
