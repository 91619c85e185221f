import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { type CloudChannelDetails, WhatsAppPage } from './pages/whatsapp-page';
import { metaId } from './support/meta';

function cloudChannel(): CloudChannelDetails {
  const tag = randomUUID().slice(0, 8);
  return {
    name: `Nombor utama ${tag}`,
    phoneNumberId: metaId(),
    wabaId: metaId(),
    accessToken: `EAAG-e2e-token-${tag}`,
    appSecret: `e2e-app-secret-${tag}`,
    verifyToken: `e2e-verify-${tag}`,
  };
}

test('an owner connects a Cloud API number beside the sandbox, and its secrets never come back', async ({ tenant }) => {
  const page = tenant.page;
  const whatsapp = new WhatsAppPage(page);
  await whatsapp.open();

  // Provisioning runs as a background job just after sign-up.
  const sandbox = whatsapp.channel('Sandbox');
  await expect(async () => {
    await page.reload();
    await expect(sandbox).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(sandbox.getByRole('link', { name: 'Open customer simulator' })).toHaveAttribute('href', '/simulator');
  await expect(sandbox.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(await whatsapp.testConnection('Sandbox')).toContainText('quality GREEN');
  await expect(page.getByRole('textbox', { name: 'Webhook callback URL' })).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/api\/webhooks\/whatsapp$/);

  const channel = cloudChannel();
  await whatsapp.addCloudChannel({ ...channel, apiBaseUrl: 'https://169.254.169.254/latest' });
  const apiBaseUrl = whatsapp.cloudForm.getByLabel('API base URL');
  await expect(apiBaseUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(apiBaseUrl).toHaveAccessibleDescription(/169\.254\.169\.254 is not an allowed WhatsApp API host/);
  await expect(whatsapp.cloudForm.getByLabel('Access token')).toHaveValue('');
  await expect(whatsapp.channel(channel.name)).toHaveCount(0);

  await whatsapp.addCloudChannel(channel);
  await expect(whatsapp.cloudForm.getByRole('status')).toContainText(`“${channel.name}” is connected`);
  const row = whatsapp.channel(channel.name);
  await expect(row).toContainText('Cloud API');
  await expect(row).toContainText(channel.phoneNumberId);
  await expect(row).toContainText('Never checked');

  await page.reload();
  await expect(row).toBeVisible();
  const html = await page.content();
  for (const secret of [channel.accessToken, channel.appSecret, channel.verifyToken]) expect(html).not.toContain(secret);

  await whatsapp.delete(channel.name);
  await expect(row).toHaveCount(0);
  await expect(sandbox).toBeVisible();
});
