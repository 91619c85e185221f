import { PASSWORD, expect, test, uniqueEmail } from './fixtures';
import { AppShell } from './pages/app-shell';
import { InvitationPage } from './pages/invitation-page';
import { SettingsPage } from './pages/settings-page';
import { TeamPage } from './pages/team-page';

test('an invited agent joins the tenant but cannot open team or API-key settings', async ({ tenant, newPage }) => {
  const agentEmail = uniqueEmail('agent');
  const team = new TeamPage(tenant.page);
  await team.open();
  const link = await team.invite(agentEmail, 'Agent');
  await expect(team.invitation(agentEmail)).toContainText('agent');

  const page = await newPage();
  await page.goto(link);
  await expect(page.getByText(`Join ${tenant.businessName}`)).toBeVisible();
  await new InvitationPage(page).accept('Kumar Agent', PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(new AppShell(page).currentTenant).toHaveText(tenant.businessName);

  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.role).toHaveText('agent');
  await expect(settings.nav.getByRole('link')).toHaveText(['Your account']);
  for (const path of ['/settings/api-keys', '/settings/team', '/settings/whatsapp']) {
    await page.goto(path);
    await expect(settings.forbidden).toBeVisible();
  }

  await tenant.page.reload();
  await expect(team.member(agentEmail)).toContainText('Kumar Agent');
  await expect(team.member(agentEmail).getByRole('combobox', { name: 'Role of Kumar Agent' })).toHaveValue('agent');
});
